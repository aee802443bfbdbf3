package io.jenkins.plugins.ecsdeploy.steps;

import static io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStepTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EcsRollbackStepTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(50);

    private EmulatorServices services;
    private EcsWorld world;

    @BeforeEach
    void prepare() {
        services = EmulatorServices.install(AWS.emulator(), 2);
        world = new EcsWorld(AWS.emulator(), AWS.ecs());
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void shouldRedeployTheLastSuccessfulRevision() throws Exception {
        String first = world.service("rb-ok", 1);
        deploy("rb-ok", EcsWorld.HEALTHY_V2);
        EcsRollbackStep step = new EcsRollbackStep("rb-ok");
        step.setCluster(EcsWorld.CLUSTER);
        TestStepContext context = new TestStepContext();

        step.start(context).start();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "SUCCESSFUL").containsEntry("taskDefinitionArn", first);
        assertThat(world.primaryTaskDefinition("rb-ok")).isEqualTo(first);
    }

    @Test
    void shouldFailWithAReasonWhenThereIsNothingToRollBackTo() throws Exception {
        world.service("rb-none", 1);
        EcsRollbackStep step = new EcsRollbackStep("rb-none");
        step.setCluster(EcsWorld.CLUSTER);
        TestStepContext context = new TestStepContext();

        step.start(context).start();

        assertThat(context.awaitFailure(WAIT).getMessage()).isNotBlank();
    }

    private void deploy(String service, String image) throws Exception {
        EcsDeployRollingStep step = new EcsDeployRollingStep(service);
        step.setCluster(EcsWorld.CLUSTER);
        step.setImage(image);
        TestStepContext context = new TestStepContext();
        step.start(context).start();
        context.awaitSuccess(WAIT);
    }
}
