package dev.ecsdeploy.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The emulator speaks the wire: it never borrows the SDK's Java types to answer requests, and knows no Jenkins. */
class EmulatorArchitectureTest {
    private static final String[] JENKINS = {
        "hudson..", "jenkins..", "org.kohsuke..", "io.jenkins..", "org.jenkinsci..", "com.cloudbees.."
    };
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ecsdeploy.emulator");
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("dev.ecsdeploy");

    @Test
    void shouldNotDependOnJenkinsOrStapler() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(JENKINS)
                .because("the emulator is Jenkins-free like core")
                .check(MAIN);
    }

    @Test
    void shouldNotDependOnCore() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ecsdeploy.core..")
                .because("the emulator depends on nothing of ours, so it cannot share a bug with the code it tests")
                .check(MAIN);
    }

    @Test
    void shouldAnswerRequestsWithoutTheSdkModel() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.ecsdeploy.emulator.junit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk..")
                .because("the emulator must speak the wire protocol itself; only the JUnit helpers build SDK clients")
                .check(MAIN);
    }

    @Test
    void shouldWriteTestsWithJUnit5AndAssertJOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.junit", "org.hamcrest..", "junit..")
                .check(TESTS);
    }

    @Test
    void shouldKeepTestClassesPackagePrivate() {
        classes().that().haveSimpleNameEndingWith("Test").should().notBePublic().check(TESTS);
    }
}
