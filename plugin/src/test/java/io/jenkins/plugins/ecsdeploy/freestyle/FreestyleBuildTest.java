package io.jenkins.plugins.ecsdeploy.freestyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Result;
import io.jenkins.plugins.ecsdeploy.history.DeploymentsBuildAction;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import io.jenkins.plugins.ecsdeploy.steps.CanaryDecisionAction;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/**
 * Each Freestyle build step run through a build against the emulator: the pipeline step's execution underneath, the
 * variables later build steps see, the build result on failure, and an aborted build rolling its deployment back.
 */
class FreestyleBuildTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(50);

    @TempDir
    Path workspace;

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

    private FakeBuild build(String... variables) {
        return new FakeBuild(workspace, new EnvVars(variables));
    }

    private static EcsDeployRollingBuilder rolling(String service, String image) {
        EcsDeployRollingBuilder builder = new EcsDeployRollingBuilder(service);
        builder.setCluster(EcsWorld.CLUSTER);
        builder.setImage(image);
        builder.setRegion("us-east-1");
        return builder;
    }

    @Test
    void shouldDeployTheImageFromTheBuildsEnvironmentAndGiveLaterStepsTheTaskDefinition() throws Exception {
        String previous = world.service("fs-roll", 2);
        FakeBuild build = build("NEW_IMAGE", EcsWorld.HEALTHY_V2);
        EcsDeployRollingBuilder builder = rolling("fs-roll", "${NEW_IMAGE}");

        build.perform(builder);

        EnvVars later = build.environmentOfLaterSteps();
        assertThat(later.get("TASK_DEFINITION_ARN")).contains("task-definition/fs-roll:2");
        assertThat(later)
                .containsEntry("PREVIOUS_TASK_DEFINITION_ARN", previous)
                .containsEntry("ECS_DEPLOYMENT_STATUS", "SUCCESSFUL");
        assertThat(later.get("ECS_SERVICE_DEPLOYMENT_ARN")).startsWith("arn:aws:ecs:");
        assertThat(world.primaryTaskDefinition("fs-roll")).isEqualTo(later.get("TASK_DEFINITION_ARN"));
        assertThat(builder.getImage())
                .as("the configuration keeps the reference")
                .isEqualTo("${NEW_IMAGE}");
        assertThat(build.run.getResult()).isNull();
        assertThat(build.log()).contains("[ecs-deploy] rolling deployment of service fs-roll");
    }

    @Test
    void shouldRecordTheDeploymentInTheHistoryAndOnTheBuildAsThePipelineStepDoes(@TempDir Path home) throws Exception {
        world.service("fs-hist", 1);
        PluginHistory history = PluginHistory.install(home, List.of("prod"), Clock.systemUTC());
        try {
            FakeBuild build = build();
            Mockito.when(build.run.getParent().getFullName()).thenReturn("shop/freestyle");
            EcsDeployRollingBuilder builder = rolling("fs-hist", EcsWorld.HEALTHY_V2);
            builder.setEnvironment("prod");

            build.perform(builder);

            assertThat(history.store().readAll())
                    .as(build.log())
                    .extracting(HistoryEntry::status)
                    .containsExactly(OperationStatus.IN_PROGRESS, OperationStatus.SUCCEEDED);
            DeploymentEntry entry =
                    (DeploymentEntry) history.store().history().entries().get(0);
            assertThat(entry.service()).isEqualTo("fs-hist");
            assertThat(entry.origin().job()).isEqualTo("shop/freestyle");
            assertThat(DeploymentsBuildAction.attachedTo(build.run).getDeployments())
                    .singleElement()
                    .satisfies(row -> assertThat(row.getStatus()).isEqualTo("SUCCEEDED"));
        } finally {
            PluginHistory.install(null, List.of(), Clock.systemUTC());
        }
    }

    @Test
    void shouldFailTheBuildWithTheReasonWhenTheDeploymentRollsBack() throws Exception {
        String previous = world.service("fs-crash", 2);
        FakeBuild build = build();

        assertThatThrownBy(() -> build.perform(rolling("fs-crash", EcsWorld.CRASHING)))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("ROLLED_BACK");

        assertThat(build.run.getResult()).isEqualTo(Result.FAILURE);
        assertThat(build.environmentOfLaterSteps()).doesNotContainKey("TASK_DEFINITION_ARN");
        world.settle("fs-crash");
        assertThat(world.primaryTaskDefinition("fs-crash")).isEqualTo(previous);
    }

    @Test
    void shouldRollTheDeploymentBackBeforeAnAbortedBuildEnds() throws Exception {
        String previous = world.service("fs-abort", 1);
        long updates = world.calls("UpdateService");
        FakeBuild build = build();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread executor = new Thread(() -> {
            try {
                build.perform(rolling("fs-abort", EcsWorld.SLOW));
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        executor.start();
        awaitCalls("UpdateService", updates + 1);
        EcsWorld.sleep(300);

        executor.interrupt();
        executor.join(Duration.ofSeconds(60).toMillis());

        assertThat(executor.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(build.log()).contains("the build was aborted").contains("ABORTED");
        world.settle("fs-abort");
        assertThat(world.primaryTaskDefinition("fs-abort")).isEqualTo(previous);
    }

    @Test
    void shouldShiftTrafficAndContinueAfterThePauseTimeout() throws Exception {
        world.trafficShiftingService("fs-canary", 2);
        FakeBuild build = build();
        EcsDeployCanaryBuilder builder = new EcsDeployCanaryBuilder("fs-canary");
        builder.setCluster(EcsWorld.CLUSTER);
        builder.setImage(EcsWorld.HEALTHY_V2);
        builder.setCanaryPercent(10.0);
        builder.setCanaryBakeTimeInMinutes(1);
        builder.setPauseTimeout(1);
        builder.setPauseTimeoutAction("continue");

        build.perform(builder);

        assertThat(build.environmentOfLaterSteps()).containsEntry("ECS_DEPLOYMENT_STATUS", "SUCCESSFUL");
        assertThat(build.environmentOfLaterSteps().get("TASK_DEFINITION_ARN")).contains("fs-canary:2");
        assertThat(build.run.getAction(CanaryDecisionAction.class)).isNotNull();
        assertThat(build.log()).contains("paused at POST_TEST_TRAFFIC_SHIFT");
        assertThat(world.calls("ContinueServiceDeployment")).isPositive();
    }

    @Test
    void shouldRollTheCanaryBackWhenSomeoneSaysSoOnTheBuildPage() throws Exception {
        String previous = world.trafficShiftingService("fs-canary-no", 2);
        FakeBuild build = build();
        EcsDeployCanaryBuilder builder = new EcsDeployCanaryBuilder("fs-canary-no");
        builder.setCluster(EcsWorld.CLUSTER);
        builder.setImage(EcsWorld.HEALTHY_V2);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread executor = new Thread(() -> {
            try {
                build.perform(builder);
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        executor.start();
        CanaryDecisionAction offered = awaitDecisionOffered(build);

        offered.doRollback();
        executor.join(Duration.ofSeconds(60).toMillis());

        assertThat(executor.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(AbortException.class).hasMessageContaining("ROLLED_BACK");
        assertThat(build.run.getResult()).isEqualTo(Result.FAILURE);
        assertThat(offered.getDecision()).isEqualTo("ROLLBACK");
        world.settle("fs-canary-no");
        assertThat(world.primaryTaskDefinition("fs-canary-no")).isEqualTo(previous);
    }

    @Test
    void shouldRunATaskAndGiveLaterStepsItsExitCode() throws Exception {
        job("fs-migrate", EcsWorld.JOB);
        FakeBuild build = build();
        EcsRunTaskBuilder builder = new EcsRunTaskBuilder();
        builder.setCluster(EcsWorld.CLUSTER);
        builder.setTaskDefinition("fs-migrate");
        builder.setLaunchType("EC2");
        builder.setContainer("app");

        build.perform(builder);

        EnvVars later = build.environmentOfLaterSteps();
        assertThat(later).containsEntry("ECS_TASK_STATUS", "SUCCEEDED").containsEntry("ECS_TASK_EXIT_CODE", "0");
        assertThat(later.get("ECS_TASK_ARN")).contains(":task/");
        assertThat(later.get("TASK_DEFINITION_ARN")).contains("task-definition/fs-migrate:");
        assertThat(build.log()).contains("[ecs-deploy] task run of task definition fs-migrate");
    }

    @Test
    void shouldFailTheBuildWhenTheTaskExitsNonZero() throws Exception {
        job("fs-failing", EcsWorld.FAILING_JOB);
        FakeBuild build = build();
        EcsRunTaskBuilder builder = new EcsRunTaskBuilder();
        builder.setCluster(EcsWorld.CLUSTER);
        builder.setTaskDefinition("fs-failing");
        builder.setLaunchType("EC2");

        assertThatThrownBy(() -> build.perform(builder))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("exited with code 3");
        assertThat(build.run.getResult()).isEqualTo(Result.FAILURE);
    }

    @Test
    void shouldStopTheTasksBeforeAnAbortedBuildEnds() throws Exception {
        job("fs-long", EcsWorld.LONG_JOB);
        long runs = world.calls("RunTask");
        FakeBuild build = build();
        EcsRunTaskBuilder builder = new EcsRunTaskBuilder();
        builder.setCluster(EcsWorld.CLUSTER);
        builder.setTaskDefinition("fs-long");
        builder.setLaunchType("EC2");
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread executor = new Thread(() -> {
            try {
                build.perform(builder);
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        executor.start();
        awaitCalls("RunTask", runs + 1);
        EcsWorld.sleep(300);

        executor.interrupt();
        executor.join(Duration.ofSeconds(60).toMillis());

        assertThat(executor.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(world.calls("StopTask")).isPositive();
        assertThat(build.environmentOfLaterSteps()).doesNotContainKey("ECS_TASK_ARN");
    }

    @Test
    void shouldPlanWithoutChangingAnythingInADryRun() throws Exception {
        String current = world.service("fs-dry", 1);
        long registers = world.calls("RegisterTaskDefinition");
        FakeBuild build = build();
        EcsDeployRollingBuilder builder = rolling("fs-dry", EcsWorld.HEALTHY_V2);
        builder.setDryRun(true);

        build.perform(builder);

        assertThat(build.environmentOfLaterSteps()).containsEntry("ECS_DEPLOYMENT_STATUS", "DRY_RUN");
        assertThat(build.log()).contains("dry run, nothing is changed");
        assertThat(world.calls("RegisterTaskDefinition")).isEqualTo(registers);
        assertThat(world.primaryTaskDefinition("fs-dry")).isEqualTo(current);
    }

    @Test
    void shouldPromoteTheImageNamedByTheBuildsVariables() throws Exception {
        AWS.emulator().ecr().createRepository("fs-web");
        String digest = AWS.emulator().ecr().putSyntheticImage("fs-web", "build-7", Map.of());
        FakeBuild build = build("BUILD_TAG", "build-7");

        build.perform(new EcrPromoteBuilder("fs-web", "${BUILD_TAG}", "staging, prod"));

        EnvVars later = build.environmentOfLaterSteps();
        assertThat(later)
                .containsEntry("IMAGE_DIGEST", digest)
                .containsEntry("IMAGE_TAG", "staging")
                .containsEntry("IMAGE_TAGS", "staging,prod");
        assertThat(later.get("IMAGE_URI")).endsWith("/fs-web@" + digest);
        assertThat(AWS.emulator().ecr().digestOf("fs-web", "prod")).contains(digest);
    }

    @Test
    void shouldBuildWithJibInTheWorkspaceAndGiveLaterStepsTheImagePinnedByDigest() throws Exception {
        Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/hello.txt"), "hello");
        Files.writeString(workspace.resolve("app/Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        FakeBuild build = build("GIT_COMMIT", "0123abc");
        EcrBuildPushBuilder builder = new EcrBuildPushBuilder("fs-built");
        builder.setContext("app");
        builder.setTags("${GIT_COMMIT}, latest");
        builder.setBuilder("jib");
        builder.setCreateRepository(true);

        build.perform(builder);

        EnvVars later = build.environmentOfLaterSteps();
        String digest = later.get("IMAGE_DIGEST");
        assertThat(digest).startsWith("sha256:");
        assertThat(later.get("IMAGE_URI")).endsWith("/fs-built@" + digest);
        assertThat(later).containsEntry("IMAGE_TAG", "0123abc").containsEntry("IMAGE_TAGS", "0123abc,latest");
        assertThat(AWS.emulator().ecr().digestOf("fs-built", "0123abc")).contains(digest);
        assertThat(later.values()).noneMatch(value -> value.contains(Emulator.SECRET_ACCESS_KEY));
    }

    private void job(String family, String image) {
        AWS.ecs()
                .registerTaskDefinition(r -> r.family(family)
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image(image)
                                .essential(true)
                                .memory(512)
                                .build()));
    }

    private static CanaryDecisionAction awaitDecisionOffered(FakeBuild build) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        CanaryDecisionAction action;
        while ((action = build.run.getAction(CanaryDecisionAction.class)) == null) {
            assertThat(System.nanoTime()).as("waiting for the pause").isLessThan(deadline);
            EcsWorld.sleep(20);
        }
        return action;
    }

    private void awaitCalls(String operation, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (world.calls(operation) < count) {
            assertThat(System.nanoTime()).as("waiting for " + operation).isLessThan(deadline);
            EcsWorld.sleep(20);
        }
    }
}
