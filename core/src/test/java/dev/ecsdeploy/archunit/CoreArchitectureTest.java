package dev.ecsdeploy.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core stays a plain library: no Jenkins, no emulator in main code, no printing, JUnit 5 tests only. */
class CoreArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ecsdeploy.core");
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("dev.ecsdeploy");

    @Test
    void shouldNotDependOnJenkinsOrStapler() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(JenkinsPackages.ALL)
                .because("core is a Jenkins-free library shared by the plugin and the CLI")
                .check(MAIN);
    }

    @Test
    void shouldNotDependOnTheEmulatorInMainCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ecsdeploy.emulator..")
                .because("the emulator is a test double; core must work against AWS itself")
                .check(MAIN);
    }

    @Test
    void shouldNeverPrint() {
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callMethod(Throwable.class, "printStackTrace")
                .because("core reports through ProgressListener events; the CLI and the plugin decide how to show them")
                .check(MAIN);
    }

    @Test
    void shouldWriteTestsWithJUnit5AndAssertJOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.junit", "org.hamcrest..", "junit..")
                .because("tests use JUnit 5 and AssertJ")
                .check(TESTS);
    }

    @Test
    void shouldKeepTestClassesPackagePrivate() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Test")
                .should()
                .notBePublic()
                .because("tests exercise behaviour through public APIs and are not an API themselves")
                .check(TESTS);
    }

    @Test
    void shouldGiveEveryTopLevelTypeAUniqueName() {
        Map<String, List<String>> byName = MAIN.stream()
                .filter(type -> type.isTopLevelClass() && !type.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(
                        JavaClass::getSimpleName, Collectors.mapping(JavaClass::getName, Collectors.toList())));

        assertThat(byName)
                .as("a simple name should say which type it is without its package")
                .allSatisfy((name, types) -> assertThat(types).as(name).hasSize(1));
    }
}
