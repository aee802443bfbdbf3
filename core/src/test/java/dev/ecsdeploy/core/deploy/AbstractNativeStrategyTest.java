package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.core.operation.OperationPoll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** CANARY, LINEAR and BLUE_GREEN through ECS's service deployments, with PAUSE hooks as decision points. */
abstract class AbstractNativeStrategyTest extends AbstractEngineScenarioTest {
    private static final AtomicInteger SERVICES = new AtomicInteger();

    String newService() {
        String name = "shift" + SERVICES.incrementAndGet();
        fixture.serviceWithTrafficShifting(name, 2);
        return name;
    }

    DeploymentRequest.Builder request(String service, DeploymentStrategy strategy) {
        return DeploymentRequest.builder()
                .environment("staging")
                .cluster(EcsFixture.CLUSTER)
                .service(service)
                .strategy(strategy)
                .source(TaskDefinitionSource.currentWithImage(EcsFixture.HEALTHY_V2));
    }

    @Test
    void shouldFollowACanaryThroughItsStagesToSuccess() {
        String service = newService();

        DeploymentRecord record =
                deploy(request(service, new DeploymentStrategy.Canary(10, 2, 1)).build(), DecisionPolicy.always(null));

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(record.strategy()).isEqualTo("CANARY");
        assertThat(stages()).anyMatch(s -> s.contains("PRODUCTION_TRAFFIC_SHIFT") && s.contains("10.0%"));
        assertThat(fixture.primary(service).taskDefinition()).isEqualTo(record.newTaskDefinitionArn());
    }

    @Test
    void shouldContinueACanaryPausedForADecision() {
        String service = newService();
        List<DecisionPoint> asked = new ArrayList<>();

        DeploymentRecord record = deploy(
                request(service, new DeploymentStrategy.Canary(10, 1, 0))
                        .pauseAt("POST_TEST_TRAFFIC_SHIFT")
                        .build(),
                point -> {
                    asked.add(point);
                    return Decision.CONTINUE;
                });

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(asked).singleElement().satisfies(point -> {
            assertThat(point.stage()).isEqualTo("POST_TEST_TRAFFIC_SHIFT");
            assertThat(point.describe()).startsWith("awaiting a decision at stage POST_TEST_TRAFFIC_SHIFT");
        });
        assertThat(fixture.calls("ContinueServiceDeployment")).isPositive();
    }

    @Test
    void shouldRollBackACanaryWhenTheDecisionIsRollback() {
        String service = newService();
        String previous = fixture.describe(service).taskDefinition();

        DeploymentRecord record = deploy(
                request(service, new DeploymentStrategy.Canary(10, 1, 0))
                        .pauseAt("POST_TEST_TRAFFIC_SHIFT")
                        .build(),
                DecisionPolicy.always(Decision.ROLLBACK));

        assertThat(record.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(fixture.settle(service).taskDefinition()).isEqualTo(previous);
    }

    @Test
    void shouldWaitDaysForADecisionWithoutPollingHard() {
        String service = newService();
        DeploymentEngine engine = fixture.engine();
        withFaults();
        OperationPoll<DeploymentHandle, DeploymentRecord> result = new OperationPoll<>(
                engine.start(request(service, new DeploymentStrategy.BlueGreen(0))
                        .pauseAt("POST_TEST_TRAFFIC_SHIFT")
                        .timeout(Duration.ofDays(3))
                        .build()),
                List.of(),
                Duration.ZERO,
                java.util.Optional.empty(),
                java.util.Optional.empty());
        while (result.awaiting().isEmpty()) {
            fixture.emulator().advance(result.nextPollIn());
            result = engine.poll(result.handle());
        }
        withoutFaults();

        assertThat(result.handle().phase()).isEqualTo(Phase.AWAITING_DECISION);
        assertThat(result.nextPollIn()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        OperationPoll<DeploymentHandle, DeploymentRecord> decided =
                engine.poll(RestartTest.deserialize(RestartTest.serialize(result.handle())), Decision.CONTINUE);
        assertThat(decided.handle().phase()).isEqualTo(Phase.ROLLING_OUT);
    }

    @Test
    void shouldFollowALinearDeployment() {
        String service = newService();

        DeploymentRecord record =
                deploy(request(service, new DeploymentStrategy.Linear(50, 1, 0)).build(), DecisionPolicy.always(null));

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(stages()).anyMatch(s -> s.contains("50.0%"));
    }

    @Test
    void shouldFollowABlueGreenDeployment() {
        String service = newService();

        DeploymentRecord record =
                deploy(request(service, new DeploymentStrategy.BlueGreen(1)).build(), DecisionPolicy.always(null));

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(stages()).anyMatch(s -> s.contains("BAKE_TIME"));
    }

    private List<String> stages() {
        return events.stream()
                .filter(e -> e.kind().equals("deploy.stage"))
                .map(ProgressEvent::message)
                .toList();
    }

    @Test
    void shouldRollBackAPausedCanaryWhenAborted() {
        String service = newService();
        String previous = fixture.describe(service).taskDefinition();
        DeploymentEngine engine = fixture.engine();
        withFaults();
        OperationPoll<DeploymentHandle, DeploymentRecord> result =
                engine.poll(engine.start(request(service, new DeploymentStrategy.Canary(10, 1, 0))
                        .pauseAt("POST_TEST_TRAFFIC_SHIFT")
                        .build()));
        while (result.awaiting().isEmpty()) {
            fixture.emulator().advance(result.nextPollIn());
            result = engine.poll(result.handle());
        }

        OperationPoll<DeploymentHandle, DeploymentRecord> aborted = engine.abort(result.handle(), "the test");
        withoutFaults();

        assertThat(aborted.outcome()).get().extracting(DeploymentRecord::status).isEqualTo(DeploymentStatus.ABORTED);
        assertThat(aborted.outcome().get().reason()).contains("StopServiceDeployment ROLLBACK");
        assertThat(fixture.settle(service).taskDefinition()).isEqualTo(previous);
    }
}
