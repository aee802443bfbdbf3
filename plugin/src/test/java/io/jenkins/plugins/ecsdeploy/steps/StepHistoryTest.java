package io.jenkins.plugins.ecsdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.history.TaskRunEntry;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import hudson.model.Cause;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.history.DeploymentsBuildAction;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.FakeRuns;
import io.jenkins.plugins.ecsdeploy.testing.Serialization;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/** The steps record what they do in the Jenkins-wide history and in the build, through the real executions. */
class StepHistoryTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(50);

    @TempDir
    Path home;

    private EmulatorServices services;
    private EcsWorld world;
    private PluginHistory history;

    @BeforeEach
    void prepare() {
        services = EmulatorServices.install(AWS.emulator(), 2);
        world = new EcsWorld(AWS.emulator(), AWS.ecs());
        history = PluginHistory.install(home, List.of("dev", "prod"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        services.close();
        PluginHistory.install(null, List.of(), Clock.systemUTC());
    }

    private static EcsDeployRollingStep rolling(String service, String image) {
        EcsDeployRollingStep step = new EcsDeployRollingStep(service);
        step.setCluster(EcsWorld.CLUSTER);
        step.setImage(image);
        step.setRegion("us-east-1");
        step.setEnvironment("prod");
        return step;
    }

    @Test
    void shouldRecordADeploymentInProgressThenSucceededInTheStoreAndTheBuild() throws Exception {
        world.service("hist-ok", 2);
        Run<?, ?> run = FakeRuns.run("shop/web", 4, new Cause.UserIdCause("alice"));
        TestStepContext context = new TestStepContext().put(Run.class, run);
        var execution = EcsDeployRollingStepTest.execution(rolling("hist-ok", EcsWorld.HEALTHY_V2), context);

        context.awaitSuccess(WAIT);

        StartedOperation started = execution.started();
        assertThat(history.store().readAll())
                .filteredOn(entry -> entry.id().equals(started.id()))
                .extracting(HistoryEntry::status)
                .containsExactly(OperationStatus.IN_PROGRESS, OperationStatus.SUCCEEDED);
        DeploymentEntry entry =
                (DeploymentEntry) history.store().history().entries().get(0);
        assertThat(entry.service()).isEqualTo("hist-ok");
        assertThat(entry.environment()).isEqualTo("prod");
        assertThat(entry.taskDefinitionArn()).contains("task-definition/hist-ok:2");
        assertThat(entry.origin().user()).isEqualTo("alice");
        assertThat(entry.origin().job()).isEqualTo("shop/web");
        assertThat(DeploymentsBuildAction.attachedTo(run).getDeployments())
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.getStatus()).isEqualTo("SUCCEEDED");
                    assertThat(row.getTo()).isEqualTo("hist-ok:2");
                    assertThat(row.getId()).isEqualTo(started.id());
                });
    }

    @Test
    void shouldFileTheDeploymentUnderTheApplicationGiven() throws Exception {
        world.service("hist-app-given", 1);
        world.service("hist-app-default", 1);
        EcsDeployRollingStep named = rolling("hist-app-given", EcsWorld.HEALTHY_V2);
        named.setApplication(" shop ");
        TestStepContext givenContext = new TestStepContext().put(Run.class, FakeRuns.run("shop/web", 6));
        TestStepContext defaultContext = new TestStepContext().put(Run.class, FakeRuns.run("shop/web", 7));
        EcsDeployRollingStepTest.execution(named, givenContext);
        EcsDeployRollingStepTest.execution(rolling("hist-app-default", EcsWorld.HEALTHY_V2), defaultContext);

        givenContext.awaitSuccess(WAIT);
        defaultContext.awaitSuccess(WAIT);

        assertThat(history.store().history().entries())
                .map(DeploymentEntry.class::cast)
                .extracting(DeploymentEntry::service, DeploymentEntry::application)
                .containsExactlyInAnyOrder(tuple("hist-app-given", "shop"), tuple("hist-app-default", "web"));
    }

    @Test
    void shouldKeepBothTaskDefinitionsOfAFinishedDeploymentForTheDiffs() throws Exception {
        world.service("hist-diff", 1);
        TestStepContext context = new TestStepContext().put(Run.class, FakeRuns.run("shop/web", 5));
        EcsDeployRollingStepTest.execution(rolling("hist-diff", EcsWorld.HEALTHY_V2), context);

        context.awaitSuccess(WAIT);

        DeploymentEntry entry =
                (DeploymentEntry) history.store().history().entries().get(0);
        var before = history.taskDefinitions().read(entry.previousTaskDefinitionArn());
        var after = history.taskDefinitions().read(entry.taskDefinitionArn());
        assertThat(before.path("family").asText()).isEqualTo("hist-diff");
        assertThat(after.path("revision").asInt()).isEqualTo(2);
        assertThat(after.path("containerDefinitions").get(0).path("image").asText())
                .isEqualTo(EcsWorld.HEALTHY_V2);
    }

    @Test
    void shouldLoseNothingWhenFourBuildsDeployAtOnce() throws Exception {
        List<TestStepContext> contexts = new ArrayList<>();
        List<Run<?, ?>> runs = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            world.service("hist-four-" + b, 1);
        }
        for (int b = 0; b < 4; b++) {
            Run<?, ?> run = FakeRuns.run("job-" + b, 1);
            TestStepContext context = new TestStepContext().put(Run.class, run);
            runs.add(run);
            contexts.add(context);
            rolling("hist-four-" + b, EcsWorld.HEALTHY_V2).start(context).start();
        }

        for (TestStepContext context : contexts) {
            context.awaitSuccess(WAIT);
        }

        List<HistoryEntry> entries = history.store().history().entries();
        assertThat(entries)
                .hasSize(4)
                .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(OperationStatus.SUCCEEDED));
        assertThat(entries)
                .extracting(entry -> entry.origin().job())
                .containsExactlyInAnyOrder("job-0", "job-1", "job-2", "job-3");
        assertThat(history.store().readAll()).hasSize(8);
        for (Run<?, ?> run : runs) {
            assertThat(DeploymentsBuildAction.attachedTo(run).entries()).hasSize(1);
        }
    }

    @Test
    void shouldCompleteTheSameEntryOnceAfterARestart() throws Exception {
        world.service("hist-restart", 2);
        Run<?, ?> run = FakeRuns.run("web", 9);
        TestStepContext context = new TestStepContext().put(Run.class, run);
        var execution = EcsDeployRollingStepTest.execution(rolling("hist-restart", EcsWorld.HEALTHY_V2), context);
        EcsDeployRollingStepTest.awaitPhase(execution, Phase.ROLLING_OUT);

        context.kill();
        services.restart();
        DurableOperationExecution<?, ?, ?> resumed = Serialization.roundTrip(execution);
        resumed.onResume();
        context.awaitSuccess(WAIT);

        assertThat(resumed.started()).isEqualTo(execution.started());
        assertThat(history.store().readAll())
                .extracting(HistoryEntry::id, HistoryEntry::status)
                .containsExactly(
                        tuple(execution.started().id(), OperationStatus.IN_PROGRESS),
                        tuple(execution.started().id(), OperationStatus.SUCCEEDED));
    }

    @Test
    void shouldRecordWhoAbortedADeployment() throws Exception {
        world.service("hist-abort", 1);
        TestStepContext context = new TestStepContext().put(Run.class, FakeRuns.run("web", 2));
        var execution = EcsDeployRollingStepTest.execution(rolling("hist-abort", EcsWorld.SLOW), context);
        EcsDeployRollingStepTest.awaitPhase(execution, Phase.ROLLING_OUT);

        execution.stop(new InterruptedException("aborted by bob"));
        context.awaitFailure(WAIT);

        HistoryEntry entry = history.store().history().entries().get(0);
        assertThat(entry.status()).isEqualTo(OperationStatus.ABORTED);
        assertThat(entry.reason()).contains("bob");
        assertThat(history.store().readAll()).hasSize(2);
    }

    @Test
    void shouldRecordAFailedStartWithItsReason() throws Exception {
        TestStepContext context = new TestStepContext().put(Run.class, FakeRuns.run("web", 3));

        rolling("hist-missing", EcsWorld.HEALTHY_V2).start(context).start();
        context.awaitFailure(WAIT);

        HistoryEntry entry = history.store().history().entries().get(0);
        assertThat(entry.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(entry.reason()).contains("hist-missing");
    }

    @Test
    void shouldRecordATaskRunWithItsExitCode() throws Exception {
        AWS.ecs()
                .registerTaskDefinition(r -> r.family("hist-job")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image(EcsWorld.JOB)
                                .essential(true)
                                .memory(512)
                                .build()));
        EcsRunTaskStep step = new EcsRunTaskStep();
        step.setCluster(EcsWorld.CLUSTER);
        step.setTaskDefinition("hist-job");
        step.setLaunchType("EC2");
        Run<?, ?> run = FakeRuns.run("web", 5);
        TestStepContext context = new TestStepContext().put(Run.class, run);

        step.start(context).start();
        context.awaitSuccess(WAIT);

        TaskRunEntry entry = (TaskRunEntry) history.store().history().entries().get(0);
        assertThat(entry.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(entry.exitCode()).isZero();
        assertThat(entry.taskDefinitionArn()).contains("hist-job");
        assertThat(DeploymentsBuildAction.attachedTo(run).getTaskRuns())
                .singleElement()
                .satisfies(row -> assertThat(row.getExitCode()).isZero());
        assertThat(history.store().readAll()).hasSize(2);
    }

    @Test
    void shouldRecordAPromotionAsAnImageOfTheBuild() throws Exception {
        AWS.emulator().ecr().createRepository("hist-web");
        String digest = AWS.emulator().ecr().putSyntheticImage("hist-web", "build-7", Map.of());
        Run<?, ?> run = FakeRuns.run("web", 6);
        TestStepContext context = new TestStepContext().put(Run.class, run);

        new EcrPromoteStep("hist-web", "build-7", "prod").start(context).start();
        context.awaitSuccess(WAIT);

        ImageBuildEntry entry =
                (ImageBuildEntry) history.store().history().entries().get(0);
        assertThat(entry.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(entry.digest()).isEqualTo(digest);
        assertThat(entry.tags()).containsExactly("prod");
        assertThat(DeploymentsBuildAction.attachedTo(run).getImages())
                .singleElement()
                .satisfies(image -> {
                    assertThat(image.getRepository()).isEqualTo("hist-web");
                    assertThat(image.getDigest()).isEqualTo(digest);
                });
    }

    @Test
    void shouldRecordAFailedPromotionWithItsReason() throws Exception {
        AWS.emulator().ecr().createRepository("hist-api");
        TestStepContext context = new TestStepContext().put(Run.class, FakeRuns.run("web", 7));

        new EcrPromoteStep("hist-api", "missing", "prod").start(context).start();
        context.awaitFailure(WAIT);

        HistoryEntry entry = history.store().history().entries().get(0);
        assertThat(entry.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(entry.reason()).contains("missing");
    }

    @Test
    void shouldRecordARollbackFromTheHandleTheEngineReturns() throws Exception {
        String first = world.service("hist-rb", 1);
        Run<?, ?> run = FakeRuns.run("web", 8);
        TestStepContext deployed = new TestStepContext().put(Run.class, run);
        rolling("hist-rb", EcsWorld.HEALTHY_V2).start(deployed).start();
        deployed.awaitSuccess(WAIT);
        EcsRollbackStep rollback = new EcsRollbackStep("hist-rb");
        rollback.setCluster(EcsWorld.CLUSTER);
        rollback.setEnvironment("prod");
        TestStepContext context = new TestStepContext().put(Run.class, run);

        rollback.start(context).start();
        context.awaitSuccess(WAIT);

        DeploymentEntry entry =
                (DeploymentEntry) history.store().history().entries().get(1);
        assertThat(entry.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(entry.taskDefinitionArn()).isEqualTo(first);
        assertThat(history.store().readAll()).hasSize(4);
        assertThat(DeploymentsBuildAction.attachedTo(run).getDeployments()).hasSize(2);
    }

    @Test
    void shouldFileARollbackUnderTheApplicationGiven() throws Exception {
        world.service("hist-rb-app", 1);
        Run<?, ?> run = FakeRuns.run("web", 9);
        TestStepContext deployed = new TestStepContext().put(Run.class, run);
        EcsDeployRollingStep deploy = rolling("hist-rb-app", EcsWorld.HEALTHY_V2);
        deploy.setApplication("shop");
        deploy.start(deployed).start();
        deployed.awaitSuccess(WAIT);
        EcsRollbackStep rollback = new EcsRollbackStep("hist-rb-app");
        rollback.setCluster(EcsWorld.CLUSTER);
        rollback.setEnvironment("prod");
        rollback.setApplication("shop");
        TestStepContext context = new TestStepContext().put(Run.class, run);

        rollback.start(context).start();
        context.awaitSuccess(WAIT);

        assertThat(history.store().history().entries())
                .map(DeploymentEntry.class::cast)
                .extracting(DeploymentEntry::application)
                .containsExactly("shop", "shop");
    }
}
