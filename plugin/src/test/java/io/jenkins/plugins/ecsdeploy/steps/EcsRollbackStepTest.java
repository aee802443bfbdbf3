package io.jenkins.plugins.ecsdeploy.steps;

import static io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStepTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.history.DeploymentTarget;
import dev.ecsdeploy.core.history.KnownGoodMark;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import hudson.AbortException;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void shouldRollBackToTheLastKnownGoodDeployment(@TempDir Path directory) throws Exception {
        String first = world.service("rb-kg", 1);
        deploy("rb-kg", EcsWorld.HEALTHY_V2);
        deploy("rb-kg", EcsWorld.HEALTHY);
        var history = PluginHistory.install(directory, List.of(), Clock.systemUTC());
        try {
            history.store()
                    .markKnownGood(new KnownGoodMark(
                            new DeploymentTarget(null, null, EcsWorld.CLUSTER, "rb-kg"),
                            "deployment-1",
                            null,
                            first,
                            "bob",
                            Instant.now()));
            EcsRollbackStep step = new EcsRollbackStep("rb-kg");
            step.setCluster(EcsWorld.CLUSTER);
            step.setToKnownGood(true);
            TestStepContext context = new TestStepContext();

            step.start(context).start();

            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
            assertThat(result).containsEntry("taskDefinitionArn", first);
            assertThat(world.primaryTaskDefinition("rb-kg")).isEqualTo(first);
        } finally {
            PluginHistory.install(null, List.of(), Clock.systemUTC());
        }
    }

    @Test
    void shouldRefuseToKnownGoodWhenNoneIsMarkedOrATaskDefinitionIsGiven(@TempDir Path directory) {
        PluginHistory.install(directory, List.of(), Clock.systemUTC());
        try {
            EcsRollbackStep unmarked = new EcsRollbackStep("rb-unmarked");
            unmarked.setToKnownGood(true);
            EcsRollbackStep both = new EcsRollbackStep("rb-unmarked");
            both.setToKnownGood(true);
            both.setTaskDefinition("web:1");

            assertThatThrownBy(() -> unmarked.start(new TestStepContext()))
                    .isInstanceOf(AbortException.class)
                    .hasMessageContaining("rb-unmarked")
                    .hasMessageContaining("known good");
            assertThatThrownBy(() -> both.start(new TestStepContext()))
                    .isInstanceOf(AbortException.class)
                    .hasMessageContaining("either taskDefinition or toKnownGood");
        } finally {
            PluginHistory.install(null, List.of(), Clock.systemUTC());
        }
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
