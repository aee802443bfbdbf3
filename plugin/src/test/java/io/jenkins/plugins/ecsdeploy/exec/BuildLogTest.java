package io.jenkins.plugins.ecsdeploy.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.ProgressEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildLogTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private BuildLog log(List<String> secrets) {
        return new BuildLog(
                new PrintStream(bytes, true, StandardCharsets.UTF_8), SecretMasker.of(secrets), "eu-west-1", "prod");
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldLinkATaskEventToItsConsolePage() {
        log(List.of())
                .onEvent(new ProgressEvent(
                        Instant.parse("2026-12-05T10:15:30Z"),
                        ProgressEvent.Severity.WARNING,
                        "task.status",
                        "task abc is STOPPED",
                        Map.of("taskArn", "arn:aws:ecs:eu-west-1:123456789012:task/prod/abc")));

        assertThat(text())
                .isEqualTo("[ecs-deploy] 10:15:30 WARNING: task abc is STOPPED"
                        + " <https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/tasks/abc/configuration?region=eu-west-1>"
                        + System.lineSeparator());
    }

    @Test
    void shouldMaskKnownSecretsAndSecretShapedValues() {
        BuildLog log = log(List.of("hunter2-password"));

        log.info("container env: DB_PASSWORD=hunter2-password, note: the value was hunter2-password");
        log.info("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY and token: abc.def.ghi");
        log.info("a commit 0123456789abcdef0123456789abcdef01234567 stays readable");

        assertThat(text())
                .doesNotContain("hunter2-password")
                .doesNotContain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
                .doesNotContain("abc.def.ghi")
                .contains("DB_PASSWORD=****")
                .contains("0123456789abcdef0123456789abcdef01234567");
    }
}
