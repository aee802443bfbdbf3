package dev.ecsdeploy.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.deploy.DeploymentRequest.TimeoutAction;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.scan.FindingSeverity;
import dev.ecsdeploy.core.operation.Decision;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every input rule the CLI's options and the plugin's form fields share, with the one text each refusal shows. */
class InputParserTest {
    @ParameterizedTest
    @CsvSource({"90s,PT1M30S", "15m,PT15M", "2h,PT2H", "1h30m,PT1H30M", "PT15M,PT15M", "250ms,PT0.25S", "1d,PT24H"})
    void shouldReadDurationsAsPeopleWriteThem(String text, String expected) {
        assertThat(InputParser.duration(text).value()).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "99999999999999999999d",
                "999999999999999d",
                "9999999999999999d",
                "106751991167301d",
                "9223372036854775807d1d"
            })
    void shouldRefuseDurationsTooLongToCountInsteadOfThrowing(String text) {
        Parsed<Duration> parsed = InputParser.duration(text);
        assertThat(InputParser.waitDuration(text).isValid()).isFalse();

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.problem().orElseThrow().message())
                .isEqualTo("invalid duration " + text + ": it is too long to count");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "15", "m15", "15m soon", "", "PTX"})
    void shouldRefuseWhatIsNotADuration(String text) {
        Parsed<Duration> parsed = InputParser.duration(text);

        assertThat(parsed.problem())
                .get()
                .extracting(ValidationProblem::message)
                .isEqualTo("'" + text + "' is not a duration; write it like 90s, 15m, 1h30m or PT15M");
        assertThatThrownBy(parsed::value)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a duration");
    }

    @Test
    void shouldBoundWaits() {
        assertThat(InputParser.waitDuration("24h").value()).isEqualTo(Duration.ofHours(24));
        assertThat(InputParser.waitDuration("25h").problem().orElseThrow().message())
                .isEqualTo("invalid duration 25h: it must be between 1s and 1d");
        assertThat(InputParser.waitDuration("0s").problem().orElseThrow().message())
                .isEqualTo("invalid duration 0s: it must be between 1s and 1d");
    }

    @ParameterizedTest
    @CsvSource({
        "rolling,ROLLING",
        "Canary,CANARY",
        "linear,LINEAR",
        "blue-green,BLUE_GREEN",
        "bluegreen,BLUE_GREEN",
        "blue_green,BLUE_GREEN"
    })
    void shouldReadStrategyNames(String text, StrategyKind expected) {
        assertThat(InputParser.strategyKind(text).value()).isEqualTo(expected);
    }

    @Test
    void shouldRefuseAnUnknownStrategyWithOneText() {
        ValidationProblem problem = InputParser.strategyKind("yolo").problem().orElseThrow();

        assertThat(problem.message())
                .isEqualTo("unknown strategy yolo: ecsdeploy knows rolling, canary, linear and" + " blue-green");
        assertThat(problem.hint()).isEqualTo("rolling");
        assertThat(InputParser.strategy("yolo", TrafficShift.defaults()).problem())
                .contains(problem);
    }

    @Test
    void shouldBuildTheStrategyWithItsTrafficSettings() {
        TrafficShift shift =
                new TrafficShift(20, Duration.ofMinutes(2), 25, Duration.ofMinutes(3), Duration.ofMinutes(1));

        assertThat(InputParser.strategy("canary", shift).value()).isEqualTo(new DeploymentStrategy.Canary(20, 2, 1));
        assertThat(InputParser.strategy("linear", shift).value()).isEqualTo(new DeploymentStrategy.Linear(25, 3, 1));
        assertThat(InputParser.strategy("blue-green", shift).value()).isEqualTo(new DeploymentStrategy.BlueGreen(1));
        assertThat(InputParser.strategy("rolling", shift).value()).isEqualTo(DeploymentStrategy.rolling());
        assertThat(InputParser.strategy("canary", TrafficShift.defaults()).value())
                .isEqualTo(new DeploymentStrategy.Canary(10, 5, null));
    }

    @Test
    void shouldRefuseTrafficSettingsEcsRefuses() {
        TrafficShift tooMuch = new TrafficShift(150, Duration.ofMinutes(2), 10, Duration.ofMinutes(1), null);
        TrafficShift partMinute = new TrafficShift(10, Duration.ofSeconds(90), 10, Duration.ofMinutes(1), null);
        TrafficShift tooLong =
                new TrafficShift(10, Duration.ofMinutes(5), 10, Duration.ofMinutes(1), Duration.ofDays(2));

        assertThat(InputParser.strategy("canary", tooMuch)
                        .problem()
                        .orElseThrow()
                        .message())
                .isEqualTo("invalid canaryPercent 150.0: ECS accepts 0.1 to 100 in steps of 0.1");
        assertThat(InputParser.strategy("canary", partMinute)
                        .problem()
                        .orElseThrow()
                        .message())
                .isEqualTo("invalid canary bake time 1m30s: ECS counts bake time in whole minutes, 0 to 1440");
        assertThat(InputParser.strategy("blue-green", tooLong)
                        .problem()
                        .orElseThrow()
                        .message())
                .isEqualTo("invalid bake time 2d: ECS counts bake time in whole minutes, 0 to 1440");
    }

    @Test
    void shouldReadPauseDecisions() {
        assertThat(InputParser.decision("continue").value()).isEqualTo(Decision.CONTINUE);
        assertThat(InputParser.decision(" ROLLBACK ").value()).isEqualTo(Decision.ROLLBACK);
        assertThat(InputParser.decision("maybe").problem().orElseThrow())
                .isEqualTo(new ValidationProblem("unknown pause answer maybe: use continue or rollback", "continue"));
    }

    @Test
    void shouldReadTimeoutActions() {
        assertThat(InputParser.timeoutAction("leave").value()).isEqualTo(TimeoutAction.LEAVE);
        assertThat(InputParser.timeoutAction("Rollback").value()).isEqualTo(TimeoutAction.ROLLBACK);
        assertThat(InputParser.timeoutAction("panic").problem().orElseThrow().message())
                .isEqualTo("unknown timeout action panic: use rollback or leave");
    }

    @Test
    void shouldReadBuilderKinds() {
        assertThat(InputParser.builderKind("Podman").value()).isEqualTo(BuilderKind.PODMAN);
        assertThat(InputParser.builderKind("auto").value()).isEqualTo(BuilderKind.AUTO);
        assertThat(InputParser.builderKind("kaniko").problem().orElseThrow().message())
                .isEqualTo("unknown builder kaniko: use auto, docker, podman, buildah or jib");
    }

    @Test
    void shouldReadSeverities() {
        assertThat(InputParser.severity("high").value()).isEqualTo(FindingSeverity.HIGH);
        assertThat(InputParser.severity("bad").problem().orElseThrow().message())
                .startsWith("invalid severity bad: use one of CRITICAL, HIGH");
    }

    @Test
    void shouldReadTaskDefinitionRevisions() {
        assertThat(InputParser.taskDefinitionRevision("web:7").value()).isEqualTo("web:7");
        assertThat(InputParser.taskDefinitionRevision("arn:aws:ecs:eu-west-1:1:task-definition/web:7")
                        .isValid())
                .isTrue();
        assertThat(InputParser.taskDefinitionRevision("web").problem().orElseThrow())
                .isEqualTo(new ValidationProblem(
                        "invalid task definition web: expected family:revision or a task definition ARN", "web:7"));
    }

    @Test
    void shouldReadEndpoints() {
        assertThat(InputParser.endpoint("http://127.0.0.1:4599").value())
                .isEqualTo(URI.create("http://127.0.0.1:4599"));
        assertThat(InputParser.endpoint("localhost").problem().orElseThrow().message())
                .isEqualTo("invalid endpoint localhost: expected a URL such as http://127.0.0.1:4599");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://127.0.0.1:4599", "http://localhost:4599", "http://[::1]:4599", "https://ecr.example"})
    void shouldAllowHttpsAndPlainHttpOnThisMachine(String endpoint) {
        assertThat(InputParser.plainHttpAllowed(URI.create(endpoint), false).isValid())
                .isTrue();
    }

    @Test
    void shouldRefusePlainHttpAcrossTheNetworkUnlessAllowed() {
        URI remote = URI.create("http://registry.example:5000");

        assertThat(InputParser.plainHttpAllowed(remote, false).problem().orElseThrow())
                .isEqualTo(new ValidationProblem(
                        "plain HTTP refused: http://registry.example:5000 is not on this machine, and the image and"
                                + " the registry credentials would cross the network unencrypted",
                        "use https, or allow an insecure registry if you mean it"));
        assertThat(InputParser.plainHttpAllowed(remote, true).value()).isEqualTo(remote);
    }

    @Test
    void shouldParseAContainerAndItsPortAndRefuseAnythingElse() {
        assertThat(InputParser.containerPort("web:8080").value()).isEqualTo(new ContainerPort("web", 8080));
        for (String bad : new String[] {"web", ":8080", "web:", "web:0", "web:65536", "web:80a", "web:123456"}) {
            assertThat(InputParser.containerPort(bad).problem())
                    .as(bad)
                    .hasValueSatisfying(problem ->
                            assertThat(problem.message()).contains("expected NAME:PORT with a port from 1 to 65535"));
        }
    }

    @Test
    void shouldBoundBakeTimesWhateverTheStrategy() {
        assertThat(InputParser.bakeTime("step bake time", Duration.ofMinutes(5)).value())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(InputParser.bakeTime("step bake time", null).isValid()).isTrue();
        assertThat(InputParser.bakeTime("step bake time", Duration.ofDays(36500))
                        .problem())
                .get()
                .extracting(ValidationProblem::message)
                .asString()
                .startsWith("invalid step bake time ");
        assertThat(InputParser.bakeTime("bake time", Duration.ofMinutes(-5)).isValid())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-1", "us-east-1", "us-gov-west-1", "ap-southeast-7", "cn-north-1", "mx-central-1"})
    void shouldReadRegions(String region) {
        assertThat(InputParser.region(region).value()).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mars-north-1", "us-east-1a", "EU", "eu-west", "moon", "", "eu west 1"})
    void shouldRefuseWhatIsNotARegion(String text) {
        assertThat(InputParser.region(text).problem())
                .get()
                .extracting(ValidationProblem::message)
                .isEqualTo("invalid region " + text + ": it is not an AWS region name such as eu-west-1");
    }

    @Test
    void shouldReadEcsNamesAndArnsUpToTheirLimit() {
        assertThat(InputParser.ecsName("service", "web_1-a").isValid()).isTrue();
        assertThat(InputParser.ecsName("service", "a".repeat(255)).isValid()).isTrue();
        assertThat(InputParser.ecsName("cluster", "arn:aws:ecs:eu-west-1:123456789012:cluster/c")
                        .isValid())
                .isTrue();
        assertThat(InputParser.ecsName("service", "a".repeat(256)).problem())
                .get()
                .extracting(ValidationProblem::message)
                .isEqualTo("invalid service name aaaaaaaaaaaaaaaaaaaa... (256 characters): ECS service names are 1-255"
                        + " letters, digits, hyphens and underscores");
        assertThat(InputParser.ecsName("cluster", "clüster").isValid()).isFalse();
        assertThat(InputParser.ecsName("cluster", "").isValid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "web:7", "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7"})
    void shouldReadTaskDefinitionsToRun(String text) {
        assertThat(InputParser.taskDefinitionReference(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web:latest", "web:0", "wéb:1", "web:", ":1", ""})
    void shouldRefuseMalformedTaskDefinitionsToRun(String text) {
        assertThat(InputParser.taskDefinitionReference(text).problem())
                .get()
                .extracting(ValidationProblem::message)
                .asString()
                .startsWith("invalid task definition ");
    }

    @Test
    void shouldReadLaunchTypes() {
        assertThat(InputParser.launchType("fargate").value()).isEqualTo("FARGATE");
        assertThat(InputParser.launchType("MOON").problem())
                .get()
                .extracting(ValidationProblem::message)
                .isEqualTo("invalid launch type MOON: use FARGATE, EC2 or EXTERNAL");
    }

    @Test
    void shouldRefuseAHistoryDirectoryThatIsAFileOrLiesUnderOne(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        java.nio.file.Files.createDirectories(dir.resolve("bad/history.jsonl"));

        assertThat(InputParser.historyDirectory(dir.resolve("new/history")).isValid())
                .isTrue();
        assertThat(InputParser.historyDirectory(dir).isValid()).isTrue();
        assertThat(InputParser.historyDirectory(file).problem().orElseThrow().message())
                .isEqualTo("invalid history directory " + file + ": " + file + " is a file, not a directory");
        assertThat(InputParser.historyDirectory(file.resolve("history"))
                        .problem()
                        .orElseThrow()
                        .message())
                .isEqualTo("invalid history directory " + file.resolve("history") + ": " + file
                        + " is a file, not a directory");
        assertThat(InputParser.historyDirectory(dir.resolve("bad"))
                        .problem()
                        .orElseThrow()
                        .message())
                .endsWith("history.jsonl is not a file");
    }
}
