package io.jenkins.plugins.ecsdeploy.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/** The plugin's architecture rules (docs/design/0001-architecture.md, style guide §10). */
class PluginArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter().importPackages("io.jenkins.plugins.ecsdeploy");
    private static final JavaClasses PLUGIN_MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.ecsdeploy");
    private static final JavaClasses PLUGIN_TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.ecsdeploy");
    private static final JavaClasses CORE = new ClassFileImporter().importPackages("dev.ecsdeploy.core");

    @Test
    void shouldLetOnlyJenkinsFacadeReachTheJenkinsSingleton() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.jenkins.plugins.ecsdeploy.util.JenkinsFacade")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "Jenkins.get(), getInstance() or getInstanceOrNull()",
                        call -> call.getTargetOwner().isEquivalentTo(Jenkins.class)
                                && call.getName().matches("get|getInstance|getInstanceOrNull")))
                .because("tests replace JenkinsFacade with a fake; nothing else may need a running Jenkins")
                .check(PLUGIN_MAIN);
    }

    @Test
    void shouldKeepCoreFreeOfJenkins() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..", "io.jenkins..")
                .because("only the plugin imports Jenkins APIs; core also serves the CLI")
                .check(CORE);
    }

    @Test
    void shouldUseNeitherTheDeprecatedServletApiNorStaplerRequest() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javax.servlet..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.kohsuke.stapler.StaplerRequest")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.kohsuke.stapler.StaplerResponse")
                .because("Jenkins moved to Jakarta EE 9 in 2.475; the javax overloads are deprecated bridges")
                .check(PLUGIN);
    }

    @Test
    void shouldTestWithJUnit5AndAssertJOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.junit", "org.junit.rules..", "org.junit.runner..", "org.hamcrest..")
                .check(PLUGIN_TESTS);
    }

    @Test
    void shouldKeepTestClassesPackagePrivate() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Test")
                .or()
                .haveSimpleNameEndingWith("IT")
                .should()
                .notBePublic()
                .check(PLUGIN_TESTS);
    }

    @Test
    void shouldKeepTestMethodsPackagePrivate() {
        methods()
                .that()
                .areAnnotatedWith(Test.class)
                .or()
                .areAnnotatedWith("org.junit.jupiter.params.ParameterizedTest")
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(PLUGIN_TESTS);
    }

    @Test
    void shouldUseOnlyThePublicApiOfCore() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ecsdeploy.core..internal..")
                .because("an internal package of core may change in any release; the plugin uses the public API")
                .check(PLUGIN);
    }
}
