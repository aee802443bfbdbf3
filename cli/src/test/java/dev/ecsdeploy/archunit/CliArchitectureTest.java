package dev.ecsdeploy.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The CLI only translates: its verbs never call AWS services themselves, and nothing in it prints directly. */
@AnalyzeClasses(packages = "dev.ecsdeploy.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {
    @ArchTest
    static final ArchRule commandsUseTheCoreNotTheSdkServices = noClasses()
            .that()
            .haveSimpleNameEndingWith("Command")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "software.amazon.awssdk.services.ecs..",
                    "software.amazon.awssdk.services.ecr..",
                    "software.amazon.awssdk.services.cloudwatchlogs..")
            .because("AWS logic lives in the core engines; a command maps options to a core request");

    @ArchTest
    static final ArchRule onlyMainTouchesTheProcessStreams = noClasses()
            .that()
            .doNotHaveSimpleName("Main")
            .and()
            .doNotHaveSimpleName("EmulatorCommand")
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .because("output goes to the writers Main.run was given, so tests can capture it");
}
