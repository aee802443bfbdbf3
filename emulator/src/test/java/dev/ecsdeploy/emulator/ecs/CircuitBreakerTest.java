package dev.ecsdeploy.emulator.ecs;

import static dev.ecsdeploy.emulator.ecs.EcsFixtures.advanceUntil;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.cluster;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.createService;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.service;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.steadyOn;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Health;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentRollbackMonitorsStatus;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

class CircuitBreakerTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private EcsClient ecs;
    private Emulator emulator;
    private String good;
    private String crashing;

    @BeforeEach
    void setUp() {
        ecs = aws.ecs();
        emulator = aws.emulator();
        emulator.ecs().simulate("web:crash", Workload.DEFAULT.withHealth(Health.CRASH));
        cluster(ecs, "c");
        good = taskDefinition(ecs, "web", "web:good");
        crashing = taskDefinition(ecs, "web", "web:crash");
    }

    private void steadyService(boolean rollback) {
        createService(
                ecs,
                "c",
                "web",
                good,
                2,
                d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(rollback)));
        advanceUntil(emulator, Duration.ofMinutes(5), () -> steadyOn(ecs, "c", "web", good));
    }

    @Test
    void shouldRollBackToThePreviousTaskDefinitionWhenCrashingTasksTripTheBreaker() {
        steadyService(true);

        ecs.updateService(r -> r.cluster("c").service("web").taskDefinition(crashing));
        advanceUntil(emulator, Duration.ofMinutes(10), () -> failed(service(ecs, "c", "web")) != null);

        Service rollingBack = service(ecs, "c", "web");
        assertThat(rollingBack.deployments().get(0).taskDefinition()).isEqualTo(good);
        assertThat(rollingBack.deployments().get(0).rolloutStateReason())
                .startsWith("ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/");
        Deployment failed = failed(rollingBack);
        assertThat(failed.taskDefinition()).isEqualTo(crashing);
        assertThat(failed.status()).isEqualTo("ACTIVE");
        assertThat(failed.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(failed.failedTasks()).isGreaterThanOrEqualTo(3);

        advanceUntil(emulator, Duration.ofMinutes(10), () -> steadyOn(ecs, "c", "web", good));

        Service stable = service(ecs, "c", "web");
        assertThat(stable.deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.taskDefinition()).isEqualTo(good);
        });
        assertThat(stable.events())
                .extracting(ServiceEvent::message)
                .anyMatch(m -> m.matches("\\(service web\\) \\(deployment ecs-svc/\\d+\\) deployment failed: tasks"
                        + " failed to start\\."))
                .first()
                .isEqualTo("(service web) has reached a steady state.");
        ServiceDeployment sd = ecs.describeServiceDeployments(
                        r -> r.serviceDeploymentArns(stable.currentServiceDeployment()))
                .serviceDeployments()
                .get(0);
        assertThat(sd.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(sd.statusReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(sd.rollback().reason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(sd.rollback().serviceRevisionArn())
                .isEqualTo(sd.sourceServiceRevisions().get(0).arn());
        assertThat(sd.deploymentCircuitBreaker().status()).isEqualTo(ServiceDeploymentRollbackMonitorsStatus.TRIGGERED);
        assertThat(sd.deploymentCircuitBreaker().threshold()).isEqualTo(3);
        assertThat(sd.deploymentCircuitBreaker().failureCount()).isGreaterThanOrEqualTo(3);
        assertThat(sd.finishedAt()).isNotNull();
    }

    @Test
    void shouldStopLaunchingTasksWhenTheBreakerTripsWithoutRollback() {
        steadyService(false);

        ecs.updateService(r -> r.cluster("c").service("web").taskDefinition(crashing));
        advanceUntil(emulator, Duration.ofMinutes(10), () -> failed(service(ecs, "c", "web")) != null);
        emulator.advance(Duration.ofMinutes(5));

        Service service = service(ecs, "c", "web");
        Deployment primary = service.deployments().get(0);
        assertThat(primary.taskDefinition()).isEqualTo(crashing);
        assertThat(primary.rolloutState()).isEqualTo(DeploymentRolloutState.FAILED);
        assertThat(primary.failedTasks()).isGreaterThanOrEqualTo(3);
        assertThat(primary.runningCount() + primary.pendingCount()).isZero();
        assertThat(service.runningCount()).as("the old tasks keep serving").isEqualTo(2);
        ServiceDeployment sd = ecs.describeServiceDeployments(
                        r -> r.serviceDeploymentArns(service.currentServiceDeployment()))
                .serviceDeployments()
                .get(0);
        assertThat(sd.status()).isEqualTo(ServiceDeploymentStatus.STOPPED);
        assertThat(sd.stoppedAt()).isNotNull();
    }

    @Test
    void shouldRollBackOnStopServiceDeployment() {
        steadyService(false);
        emulator.ecs().simulate("web:slow", Workload.DEFAULT.withStartup(Duration.ofMinutes(5)));
        String slow = taskDefinition(ecs, "web", "web:slow");
        String sdArn = ecs.updateService(r -> r.cluster("c").service("web").taskDefinition(slow))
                .service()
                .currentServiceDeployment();

        ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(sdArn).stopType("ROLLBACK"));
        advanceUntil(emulator, Duration.ofMinutes(5), () -> steadyOn(ecs, "c", "web", good));

        ServiceDeployment sd = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(sdArn))
                .serviceDeployments()
                .get(0);
        assertThat(sd.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(sd.rollback()).isNotNull();
    }

    private static Deployment failed(Service service) {
        return service.deployments().stream()
                .filter(d -> d.rolloutState() == DeploymentRolloutState.FAILED)
                .findFirst()
                .orElse(null);
    }

    @Test
    void shouldRollBackWhenAMonitoredAlarmFires() {
        createService(
                ecs,
                "c",
                "web",
                good,
                2,
                d -> d.alarms(a -> a.alarmNames("http-5xx").enable(true).rollback(true)));
        advanceUntil(emulator, Duration.ofMinutes(5), () -> steadyOn(ecs, "c", "web", good));
        String other = taskDefinition(ecs, "web", "web:other");
        String sdArn = ecs.updateService(r -> r.cluster("c").service("web").taskDefinition(other))
                .service()
                .currentServiceDeployment();
        emulator.advance(Duration.ofSeconds(20));

        emulator.ecs().triggerAlarm("unrelated");
        emulator.ecs().triggerAlarm("http-5xx");
        advanceUntil(emulator, Duration.ofMinutes(5), () -> steadyOn(ecs, "c", "web", good));

        ServiceDeployment sd = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(sdArn))
                .serviceDeployments()
                .get(0);
        assertThat(sd.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(sd.alarms().status()).isEqualTo(ServiceDeploymentRollbackMonitorsStatus.TRIGGERED);
        assertThat(sd.alarms().triggeredAlarmNames()).containsExactly("http-5xx");
    }
}
