package dev.ecsdeploy.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.JibImage;
import dev.ecsdeploy.core.ecr.JibLayer;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import dev.ecsdeploy.core.ecr.scan.FindingSeverity;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.operation.Decision;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CLI only translates: options to a core request, core's results and events to text. Whatever the Jenkins plugin
 * also needs (AWS calls, history recording, the builder choice, reading what users type) lives in core, so the plugin
 * gets the same behaviour by calling the same code. Each rule forbids the tell-tale calls of one such piece of logic;
 * nothing in the CLI prints directly.
 */
@AnalyzeClasses(packages = "dev.ecsdeploy.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {
    /**
     * No AWS service client or model type in the CLI. Two classes are wiring, not logic: CliSession builds the STS
     * credentials provider for {@code --role-arn} (the SDK's own class, on core's STS client), and DemoEnvironment
     * creates the demo's cluster and services in the embedded emulator the way Terraform would for a real user.
     */
    @ArchTest
    static final ArchRule awsCallsLiveInTheCore = noClasses()
            .that()
            .doNotHaveSimpleName("CliSession")
            .and()
            .doNotHaveSimpleName("DemoEnvironment")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk.services..")
            .because("AWS logic lives in the core engines; a command maps options to a core request");

    /** Core's implementations live in {@code ..internal..} packages; the CLI uses core's public API only. */
    @ArchTest
    static final ArchRule coreInternalsStayInCore = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.ecsdeploy.core..internal..")
            .because("an internal package of core may change in any release; callers use the public API");

    /** History entries are made by core's HistoryRecorder: the CLI neither builds entries nor appends them. */
    @ArchTest
    static final ArchRule historyIsRecordedByTheCore = noClasses()
            .should()
            .callMethod(HistoryStore.class, "append", HistoryEntry.class)
            .orShould()
            .callMethod(HistoryStore.class, "appendAll", List.class)
            .orShould()
            .dependOnClassesThat()
            .haveNameMatching("dev\\.ecsdeploy\\.core\\.history\\.\\w+Entry\\$Builder")
            .because("the plugin records the same entries through core.history.HistoryRecorder");

    /** The builder is chosen by core's BuilderPolicy: no PATH probing, no Dockerfile-to-Jib translation here. */
    @ArchTest
    static final ArchRule theBuilderIsChosenByTheCore = noClasses()
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(JibImage.class, JibImage.Builder.class, JibLayer.class)
            .orShould()
            .callMethod(CommandRunner.class, "isAvailable", String.class)
            .orShould()
            .accessField(File.class, "pathSeparator")
            .because("core.ecr.BuilderPolicy and DockerfileJib decide and explain the builder for every front end");

    /**
     * Strategy, decision, duration, builder, severity and task definition texts are read by core's InputParser, so a
     * Jenkins form and the CLI accept the same values with the same error text.
     */
    @ArchTest
    static final ArchRule inputsAreParsedByTheCore = noClasses()
            .should()
            .callMethod(Duration.class, "parse", CharSequence.class)
            .orShould()
            .callMethod(String.class, "matches", String.class)
            .orShould()
            .callMethod(Pattern.class, "compile", String.class)
            .orShould()
            .callMethod(BuilderKind.class, "valueOf", String.class)
            .orShould()
            .callMethod(FindingSeverity.class, "valueOf", String.class)
            .orShould()
            .callMethod(Decision.class, "valueOf", String.class)
            .orShould()
            .callMethod(DeploymentRequest.TimeoutAction.class, "valueOf", String.class)
            .because("core.input.InputParser holds the one parser and its error texts");

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
