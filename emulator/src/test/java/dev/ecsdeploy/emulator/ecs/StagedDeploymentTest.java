package dev.ecsdeploy.emulator.ecs;

import static dev.ecsdeploy.emulator.ecs.EcsFixtures.advanceUntil;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.cluster;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.service;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.steadyOn;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStatus;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;

class StagedDeploymentTest {
    private static final List<String> STAGES = List.of(
            "PRE_SCALE_UP",
            "SCALE_UP",
            "POST_SCALE_UP",
            "TEST_TRAFFIC_SHIFT",
            "POST_TEST_TRAFFIC_SHIFT",
            "PRODUCTION_TRAFFIC_SHIFT",
            "POST_PRODUCTION_TRAFFIC_SHIFT",
            "BAKE_TIME",
            "CLEAN_UP");

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private EcsClient ecs;
    private Emulator emulator;
    private String v1;
    private String v2;

    @BeforeEach
    void setUp() {
        ecs = aws.ecs();
        emulator = aws.emulator();
        cluster(ecs, "c");
        v1 = taskDefinition(ecs, "web", "web:1");
        v2 = taskDefinition(ecs, "web", "web:2");
    }

    private static LoadBalancer loadBalancer() {
        return LoadBalancer.builder()
                .targetGroupArn("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1")
                .containerName("app")
                .containerPort(80)
                .advancedConfiguration(a -> a.alternateTargetGroupArn(
                                "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2")
                        .productionListenerRule(
                                "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/x/1/2/3")
                        .roleArn("arn:aws:iam::123456789012:role/ecs-infrastructure"))
                .build();
    }

    private void steadyService(Consumer<DeploymentConfiguration.Builder> configuration) {
        ecs.createService(r -> r.cluster("c")
                .serviceName("web")
                .taskDefinition(v1)
                .desiredCount(2)
                .launchType(LaunchType.EC2)
                .loadBalancers(loadBalancer())
                .deploymentConfiguration(configuration));
        advanceUntil(emulator, Duration.ofMinutes(60), () -> steadyOn(ecs, "c", "web", v1));
    }

    private ServiceDeployment sd(String arn) {
        return ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn))
                .serviceDeployments()
                .get(0);
    }

    /** Polls the SD every emulated second until it ends, recording each stage and production weight once. */
    private List<String> watch(String arn, List<Double> weights) {
        List<String> stages = new ArrayList<>();
        Duration limit = Duration.ofHours(2);
        var deadline = emulator.now().plus(limit);
        ServiceDeployment current = sd(arn);
        while (current.status() == ServiceDeploymentStatus.PENDING
                || current.status() == ServiceDeploymentStatus.IN_PROGRESS) {
            String stage = current.lifecycleStageAsString();
            if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage)) {
                stages.add(stage);
            }
            Double weight = current.targetServiceRevision().requestedProductionTrafficWeight();
            if (weights.isEmpty() || !weights.get(weights.size() - 1).equals(weight)) {
                weights.add(weight);
            }
            assertThat(emulator.now()).as("deployment still running").isBefore(deadline);
            emulator.advance(Duration.ofSeconds(1));
            current = sd(arn);
        }
        assertThat(current.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
        return stages;
    }

    private String updateTo(String taskDefinition) {
        return ecs.updateService(r -> r.cluster("c").service("web").taskDefinition(taskDefinition))
                .service()
                .currentServiceDeployment();
    }

    @Test
    void shouldPassCanaryStagesInOrderWithTheCanaryShareFirst() {
        steadyService(d -> d.strategy(DeploymentStrategy.CANARY)
                .canaryConfiguration(c -> c.canaryPercent(10.0).canaryBakeTimeInMinutes(3))
                .bakeTimeInMinutes(2));
        List<Double> weights = new ArrayList<>();

        String arn = updateTo(v2);
        assertThat(sd(arn).status()).isEqualTo(ServiceDeploymentStatus.PENDING);

        List<String> stages = watch(arn, weights);

        assertThat(stages).containsExactlyElementsOf(STAGES);
        assertThat(weights).containsExactly(0.0, 10.0, 100.0);
        assertThat(steadyOn(ecs, "c", "web", v2)).isTrue();
    }

    @Test
    void shouldPassLinearStagesInOrderInEqualSteps() {
        steadyService(d -> d.strategy(DeploymentStrategy.LINEAR)
                .linearConfiguration(l -> l.stepPercent(25.0).stepBakeTimeInMinutes(1)));
        List<Double> weights = new ArrayList<>();

        List<String> stages = watch(updateTo(v2), weights);

        assertThat(stages).containsExactlyElementsOf(STAGES);
        assertThat(weights).containsExactly(0.0, 25.0, 50.0, 75.0, 100.0);
    }

    @Test
    void shouldPassBlueGreenStagesInOrderAndKeepBlueUntilCleanUp() {
        steadyService(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(5));
        String arn = updateTo(v2);
        advanceUntil(
                emulator,
                Duration.ofMinutes(10),
                () -> sd(arn).lifecycleStage() == ServiceDeploymentLifecycleStage.BAKE_TIME);

        assertThat(service(ecs, "c", "web").runningCount())
                .as("blue and green both run while baking")
                .isEqualTo(4);
        List<Double> weights = new ArrayList<>();
        List<String> rest = watch(arn, weights);

        assertThat(rest).containsExactly("BAKE_TIME", "CLEAN_UP");
        assertThat(weights).containsExactly(100.0);
        assertThat(service(ecs, "c", "web").runningCount()).isEqualTo(2);
    }

    @Test
    void shouldReconcileFirstWhenANewDeploymentOvertakesARunningOne() {
        steadyService(d -> d.strategy(DeploymentStrategy.BLUE_GREEN));
        String first = updateTo(v2);
        emulator.advance(Duration.ofSeconds(12));
        String v3 = taskDefinition(ecs, "web", "web:3");

        String second = updateTo(v3);
        List<String> stages = watch(second, new ArrayList<>());

        assertThat(sd(first).status()).isEqualTo(ServiceDeploymentStatus.STOPPED);
        assertThat(stages.get(0)).isEqualTo("RECONCILE_SERVICE");
        assertThat(stages.subList(1, stages.size())).containsExactlyElementsOf(STAGES);
        assertThat(steadyOn(ecs, "c", "web", v3)).isTrue();
    }

    @Test
    void shouldRequireLoadBalancingOrServiceConnectForCanary() {
        assertThatThrownBy(() -> ecs.createService(r -> r.cluster("c")
                        .serviceName("headless")
                        .taskDefinition(v1)
                        .desiredCount(1)
                        .launchType(LaunchType.EC2)
                        .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.CANARY))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.createService(r -> r.cluster("c")
                        .serviceName("tiny")
                        .taskDefinition(v1)
                        .loadBalancers(loadBalancer())
                        .launchType(LaunchType.EC2)
                        .deploymentConfiguration(d ->
                                d.strategy(DeploymentStrategy.LINEAR).linearConfiguration(l -> l.stepPercent(2.0)))))
                .isInstanceOf(InvalidParameterException.class);
    }

    // ---- PAUSE hooks ----------------------------------------------------------------------------------------------

    private String pausedDeployment(String timeoutAction, int timeoutMinutes) {
        steadyService(d -> d.strategy(DeploymentStrategy.BLUE_GREEN)
                .lifecycleHooks(h -> h.targetType("PAUSE")
                        .lifecycleStagesWithStrings("POST_TEST_TRAFFIC_SHIFT")
                        .timeoutConfiguration(
                                t -> t.timeoutInMinutes(timeoutMinutes).action(timeoutAction))));
        String arn = updateTo(v2);
        advanceUntil(
                emulator,
                Duration.ofMinutes(10),
                () -> !sd(arn).lifecycleHookDetails().isEmpty());
        return arn;
    }

    @Test
    void shouldWaitAtAPauseHookUntilContinued() {
        String arn = pausedDeployment("ROLLBACK", 30);
        var pausedAt = emulator.now();

        emulator.advance(Duration.ofMinutes(20));

        ServiceDeployment paused = sd(arn);
        assertThat(paused.status()).isEqualTo(ServiceDeploymentStatus.IN_PROGRESS);
        assertThat(paused.lifecycleStage()).isEqualTo(ServiceDeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT);
        DeploymentLifecycleHookDetail hook = paused.lifecycleHookDetails().get(0);
        assertThat(hook.hookId()).startsWith("ecs-pause-");
        assertThat(hook.targetTypeAsString()).isEqualTo("PAUSE");
        assertThat(hook.status()).isEqualTo(DeploymentLifecycleHookStatus.AWAITING_ACTION);
        assertThat(hook.timeoutActionAsString()).isEqualTo("ROLLBACK");
        assertThat(hook.expiresAt())
                .isBetween(pausedAt.plus(Duration.ofMinutes(29)), pausedAt.plus(Duration.ofMinutes(30)));

        ecs.continueServiceDeployment(
                r -> r.serviceDeploymentArn(arn).hookId(hook.hookId()).action("CONTINUE"));
        advanceUntil(emulator, Duration.ofMinutes(10), () -> sd(arn).status() == ServiceDeploymentStatus.SUCCESSFUL);

        assertThat(steadyOn(ecs, "c", "web", v2)).isTrue();
    }

    @Test
    void shouldRollBackWhenAPauseHookIsAnsweredWithRollback() {
        String arn = pausedDeployment("CONTINUE", 30);
        String hookId = sd(arn).lifecycleHookDetails().get(0).hookId();

        ecs.continueServiceDeployment(
                r -> r.serviceDeploymentArn(arn).hookId(hookId).action("ROLLBACK"));
        advanceUntil(
                emulator,
                Duration.ofMinutes(10),
                () -> sd(arn).status() == ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);

        ServiceDeployment rolledBack = sd(arn);
        assertThat(rolledBack.rollback().serviceRevisionArn())
                .isEqualTo(rolledBack.sourceServiceRevisions().get(0).arn());
        assertThat(steadyOn(ecs, "c", "web", v1)).isTrue();
    }

    @Test
    void shouldApplyTheTimeoutActionWhenNobodyAnswers() {
        String arn = pausedDeployment("ROLLBACK", 5);

        emulator.advance(Duration.ofMinutes(5));
        advanceUntil(
                emulator,
                Duration.ofMinutes(10),
                () -> !sd(arn).status().equals(ServiceDeploymentStatus.IN_PROGRESS)
                        && !sd(arn).status().equals(ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS));

        assertThat(sd(arn).status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(sd(arn).statusReason()).contains("timed out");
    }
}
