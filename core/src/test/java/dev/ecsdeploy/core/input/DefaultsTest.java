package dev.ecsdeploy.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.ecr.scan.ScanRequest;
import dev.ecsdeploy.core.task.TaskRunRequest;
import org.junit.jupiter.api.Test;

/** Each default's text (what the CLI shows) means its value, and the engines fall back to the same values. */
class DefaultsTest {
    @Test
    void shouldWriteEachDurationAsTheParserReadsIt() {
        assertThat(InputParser.waitDuration(Defaults.DEPLOY_TIMEOUT_TEXT).value())
                .isEqualTo(Defaults.DEPLOY_TIMEOUT);
        assertThat(InputParser.waitDuration(Defaults.RUN_TASK_TIMEOUT_TEXT).value())
                .isEqualTo(Defaults.RUN_TASK_TIMEOUT);
        assertThat(InputParser.waitDuration(Defaults.SCAN_TIMEOUT_TEXT).value()).isEqualTo(Defaults.SCAN_TIMEOUT);
        assertThat(InputParser.duration(Defaults.CANARY_BAKE_TEXT).value()).isEqualTo(Defaults.CANARY_BAKE);
        assertThat(InputParser.duration(Defaults.STEP_BAKE_TEXT).value()).isEqualTo(Defaults.STEP_BAKE);
        assertThat(InputParser.duration(Defaults.LONGEST_WAIT_TEXT).value()).isEqualTo(Defaults.LONGEST_WAIT);
        assertThat(Integer.parseInt(Defaults.MAX_ATTEMPTS_TEXT)).isEqualTo(Defaults.MAX_ATTEMPTS);
    }

    @Test
    void shouldBeAcceptedByTheParser() {
        assertThat(InputParser.strategy(Defaults.STRATEGY, TrafficShift.defaults())
                        .isValid())
                .isTrue();
        assertThat(InputParser.decision(Defaults.ON_PAUSE).isValid()).isTrue();
        assertThat(InputParser.timeoutAction(Defaults.ON_TIMEOUT).isValid()).isTrue();
        assertThat(InputParser.builderKind(Defaults.BUILDER).isValid()).isTrue();
    }

    @Test
    void shouldBeWhatTheEnginesFallBackTo() {
        DeploymentRequest deploy = DeploymentRequest.builder()
                .cluster("c")
                .service("s")
                .source(dev.ecsdeploy.core.deploy.TaskDefinitionSource.existing("web:1"))
                .build();
        TaskRunRequest task =
                TaskRunRequest.builder().cluster("c").taskDefinition("web:1").build();

        assertThat(deploy.timeout()).isEqualTo(Defaults.DEPLOY_TIMEOUT);
        assertThat(task.timeout()).isEqualTo(Defaults.RUN_TASK_TIMEOUT);
        assertThat(ScanRequest.of("web", "sha256:" + "0".repeat(64)).timeout()).isEqualTo(Defaults.SCAN_TIMEOUT);
        assertThat(AwsConnection.DEFAULT_MAX_ATTEMPTS).isEqualTo(Defaults.MAX_ATTEMPTS);
    }
}
