package io.jenkins.plugins.ecsdeploy.steps;

import static io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStepTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EcrPromoteStepTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(50);

    private EmulatorServices services;

    @BeforeEach
    void prepare() {
        services = EmulatorServices.install(AWS.emulator(), 2);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void shouldTagTheImageWithoutPushingIt() throws Exception {
        AWS.emulator().ecr().createRepository("web");
        String digest = AWS.emulator().ecr().putSyntheticImage("web", "build-7", Map.of());
        TestStepContext context = new TestStepContext();

        new EcrPromoteStep("web", "build-7", "staging, prod").start(context).start();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("digest", digest).containsEntry("tags", List.of("staging", "prod"));
        assertThat((String) result.get("imageUri")).endsWith("/web@" + digest);
        assertThat(AWS.emulator().ecr().digestOf("web", "prod")).contains(digest);
    }

    @Test
    void shouldFailWithTheReasonWhenTheSourceDoesNotExist() throws Exception {
        AWS.emulator().ecr().createRepository("api");
        TestStepContext context = new TestStepContext();

        new EcrPromoteStep("api", "missing", "prod").start(context).start();

        assertThat(context.awaitFailure(WAIT)).hasMessageContaining("missing");
    }
}
