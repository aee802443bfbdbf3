package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.deploy.DeploymentRequest.TimeoutAction;
import dev.ecsdeploy.core.deploy.DeploymentRequest.WhenBusy;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.core.operation.OperationPoll;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The rolling scenario matrix against the emulator through the real SDK; subclasses run it plain and with faults.
 * Every test uses its own service, so the class shares one emulator.
 */
abstract class AbstractRollingScenarioTest extends AbstractEngineScenarioTest {
    private static final AtomicInteger SERVICES = new AtomicInteger();

    String newService(int desired) {
        String name = "web" + SERVICES.incrementAndGet();
        fixture.service(name, desired);
        return name;
    }

    DeploymentRequest.Builder request(String service, String image) {
        return DeploymentRequest.builder()
                .environment("production")
                .cluster(EcsFixture.CLUSTER)
                .service(service)
                .source(TaskDefinitionSource.currentWithImage(image));
    }

    DeploymentRecord deploy(DeploymentRequest request) {
        return deploy(request, DecisionPolicy.always(Decision.CONTINUE));
    }

    @Test
    void shouldSucceedAndRecordWhatWasDeployed() {
        String service = newService(2);
        String previous = fixture.describe(service).taskDefinition();
        long registers = fixture.calls("RegisterTaskDefinition");
        long updates = fixture.calls("UpdateService");

        DeploymentRecord record = deploy(request(service, EcsFixture.HEALTHY_V2).build());

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(record.previousTaskDefinitionArn()).isEqualTo(previous);
        assertThat(record.newTaskDefinitionArn())
                .endsWith(":2")
                .isEqualTo(fixture.describe(service).taskDefinition());
        assertThat(record.deploymentId()).isEqualTo(fixture.primary(service).id());
        if (servesServiceDeployments()) {
            assertThat(record.serviceDeploymentArn()).contains(":service-deployment/");
        } else {
            assertThat(record.serviceDeploymentArn()).isNull();
        }
        assertThat(record.imageDigests()).containsEntry("web", EcsFixture.HEALTHY_V2);
        assertThat(record.environment()).isEqualTo("production");
        assertThat(record.strategy()).isEqualTo("ROLLING");
        assertThat(fixture.calls("RegisterTaskDefinition")).isEqualTo(registers + 1);
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates + 1);
        assertThat(events).anyMatch(e -> e.kind().equals("deploy.verdict"));
    }

    @Test
    void shouldReportACrashLoopThatTheCircuitBreakerRolledBackAsAFailure() {
        String service = newService(2);
        String previous = fixture.describe(service).taskDefinition();

        DeploymentRecord record = deploy(request(service, EcsFixture.CRASHING).build());

        assertThat(record.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(record.reason())
                .contains("circuit breaker")
                .containsPattern("\\d+ tasks exited 1 \\(container web\\)$")
                .doesNotContain("\n");
        assertThat(record.details())
                .anyMatch(detail -> detail.startsWith("stopped task ") && detail.contains("web exit code 1"));
        assertThat(fixture.settle(service).taskDefinition()).isEqualTo(previous);
    }

    @Test
    void shouldReportFailingHealthChecksAsAFailure() {
        String service = newService(2);

        DeploymentRecord record = deploy(request(service, EcsFixture.UNHEALTHY).build());

        assertThat(record.succeeded()).isFalse();
        assertThat(record.status()).isIn(DeploymentStatus.ROLLED_BACK, DeploymentStatus.FAILED);
        assertThat(record.reason()).contains("failed container health checks");
    }

    @Test
    void shouldRollBackOnTimeout() {
        String service = newService(1);
        String previous = fixture.describe(service).taskDefinition();

        DeploymentRecord record = deploy(request(service, EcsFixture.SLOW)
                .timeout(Duration.ofMinutes(3))
                .onTimeout(TimeoutAction.ROLLBACK)
                .build());

        assertThat(record.status()).isEqualTo(DeploymentStatus.TIMED_OUT);
        assertThat(record.reason()).contains("did not finish by its deadline").contains("rollback requested");
        assertThat(fixture.settle(service).taskDefinition()).isEqualTo(previous);
    }

    @Test
    void shouldLeaveTheDeploymentRunningOnTimeoutWhenAsked() {
        String service = newService(1);

        DeploymentRecord record = deploy(request(service, EcsFixture.SLOW)
                .timeout(Duration.ofMinutes(3))
                .onTimeout(TimeoutAction.LEAVE)
                .build());

        assertThat(record.status()).isEqualTo(DeploymentStatus.TIMED_OUT);
        assertThat(record.reason()).contains("left running");
        assertThat(fixture.primary(service).taskDefinition()).isEqualTo(record.newTaskDefinitionArn());
    }

    @Test
    void shouldRollBackWhenAborted() {
        String service = newService(1);
        String previous = fixture.describe(service).taskDefinition();
        DeploymentEngine engine = fixture.engine();
        withFaults();
        DeploymentHandle handle = engine.start(request(service, EcsFixture.SLOW).build());
        OperationPoll<DeploymentHandle, DeploymentRecord> running = engine.poll(handle);
        fixture.emulator().advance(running.nextPollIn());
        running = engine.poll(running.handle());

        OperationPoll<DeploymentHandle, DeploymentRecord> aborted = engine.abort(running.handle(), "the test");
        OperationPoll<DeploymentHandle, DeploymentRecord> again = engine.abort(running.handle(), "the test");
        withoutFaults();

        assertThat(aborted.outcome()).get().extracting(DeploymentRecord::status).isEqualTo(DeploymentStatus.ABORTED);
        assertThat(aborted.outcome().get().reason()).contains("rollback requested");
        assertThat(again.outcome()).isPresent();
        assertThat(fixture.settle(service).taskDefinition()).isEqualTo(previous);
    }

    @Test
    void shouldRefuseToStackOnAnotherDeploymentInProgress() {
        String service = newService(1);
        DeploymentEngine engine = fixture.engine();
        DeploymentHandle first = engine.start(request(service, EcsFixture.SLOW).build());
        engine.poll(first);
        long registers = fixture.calls("RegisterTaskDefinition");

        withFaults();
        assertThatThrownBy(() -> engine.start(request(service, EcsFixture.HEALTHY_V2)
                        .whenAnotherDeploymentInProgress(WhenBusy.FAIL)
                        .build()))
                .isInstanceOf(ServiceBusyException.class)
                .hasMessageStartingWith("deployment refused: another deployment is in progress on service " + service)
                .hasMessageContaining("ecs-svc/")
                .hasMessageContaining("nothing was changed")
                .satisfies(e -> assertThat(((ServiceBusyException) e).busyDeploymentIds())
                        .isNotEmpty()
                        .allMatch(id -> id.startsWith("ecs-svc/")));
        withoutFaults();
        assertThat(fixture.calls("RegisterTaskDefinition")).isEqualTo(registers);
    }

    @Test
    void shouldWaitForAnotherDeploymentByDefaultNamingIt() {
        String service = newService(1);
        DeploymentEngine engine = fixture.engine();
        DeploymentHandle first =
                engine.start(request(service, EcsFixture.HEALTHY_V2).build());
        engine.poll(first);
        String busyId = fixture.describe(service).deployments().stream()
                .filter(d -> "IN_PROGRESS".equals(d.rolloutStateAsString()))
                .findFirst()
                .orElseThrow()
                .id();
        long updates = fixture.calls("UpdateService");

        DeploymentRecord record = deploy(request(service, EcsFixture.HEALTHY).build());

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(events)
                .anyMatch(e ->
                        e.message().startsWith("service " + service + " is busy: waiting for deployment " + busyId))
                .anyMatch(e -> e.message().startsWith("waiting for deployment " + busyId)
                        && e.message().contains("rolloutState IN_PROGRESS, since "));
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates + 1);
        assertThat(record.newTaskDefinitionArn())
                .isEqualTo(fixture.describe(service).taskDefinition());
    }

    @Test
    void shouldSayInThePlanThatADeploymentIsInFlight() {
        String service = newService(1);
        DeploymentEngine engine = fixture.engine();
        engine.poll(engine.start(request(service, EcsFixture.SLOW).build()));
        long registers = fixture.calls("RegisterTaskDefinition");
        long updates = fixture.calls("UpdateService");

        DeploymentPlan waiting =
                engine.plan(request(service, EcsFixture.HEALTHY).build());
        DeploymentPlan failing = engine.plan(request(service, EcsFixture.HEALTHY)
                .whenAnotherDeploymentInProgress(WhenBusy.FAIL)
                .build());

        assertThat(waiting.warnings())
                .anyMatch(w -> w.startsWith("service " + service + " has a deployment in flight: deployment ecs-svc/")
                        && w.endsWith("a real run waits for it to finish (within the timeout) before UpdateService"));
        assertThat(failing.warnings()).anyMatch(w -> w.endsWith("a real run would be refused, changing nothing"));
        assertThat(fixture.calls("RegisterTaskDefinition")).isEqualTo(registers);
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates);
    }

    @Test
    void shouldTimeOutWhileWaitingNamingTheBusyDeploymentWithoutUpdatingTheService() {
        String service = newService(1);
        DeploymentEngine engine = fixture.engine();
        engine.poll(engine.start(request(service, EcsFixture.SLOW).build()));
        String busyTaskDefinition = fixture.describe(service).taskDefinition();
        long updates = fixture.calls("UpdateService");
        long stops = fixture.calls("StopServiceDeployment");

        DeploymentRecord record = deploy(request(service, EcsFixture.HEALTHY)
                .timeout(Duration.ofMinutes(2))
                .build());

        assertThat(record.status()).isEqualTo(DeploymentStatus.TIMED_OUT);
        assertThat(record.reason())
                .startsWith("timed out waiting for deployment ecs-svc/")
                .contains(busyTaskDefinition)
                .contains("UpdateService was never called, the service was not changed");
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates);
        assertThat(fixture.calls("StopServiceDeployment")).isEqualTo(stops);
        assertThat(fixture.describe(service).taskDefinition()).isEqualTo(busyTaskDefinition);
    }

    @Test
    void shouldDeployAnExistingTaskDefinitionAsIs() {
        String service = newService(1);
        String existing = fixture.registerTaskDefinition("registered-by-terraform", EcsFixture.HEALTHY_V2);
        long registers = fixture.calls("RegisterTaskDefinition");

        DeploymentRecord record = deploy(DeploymentRequest.builder()
                .cluster(EcsFixture.CLUSTER)
                .service(service)
                .source(TaskDefinitionSource.existing(existing))
                .build());

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(record.newTaskDefinitionArn()).isEqualTo(existing);
        assertThat(fixture.calls("RegisterTaskDefinition")).isEqualTo(registers);
    }

    @Test
    void shouldDeployATaskDefinitionFileWithPlaceholders() {
        String service = newService(1);
        String file = """
                {"family": "${FAMILY}", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                 "cpu": "256", "memory": "512",
                 "containerDefinitions": [{"name": "web", "image": "${IMAGE}", "essential": true,
                   "environment": [{"name": "STAGE", "value": "${STAGE}"}]}]}
                """;

        DeploymentRecord record = deploy(DeploymentRequest.builder()
                .cluster(EcsFixture.CLUSTER)
                .service(service)
                .source(TaskDefinitionSource.file(
                        file, Map.of("FAMILY", "from-file", "IMAGE", EcsFixture.HEALTHY_V2, "STAGE", "prod")))
                .build());

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(record.newTaskDefinitionArn()).contains(":task-definition/from-file:1");
    }

    @Test
    void shouldRollBackToTheLastSuccessfulDeploymentNotRevisionMinusOne() {
        String service = newService(1);
        String first = fixture.describe(service).taskDefinition();
        DeploymentRecord second = deploy(request(service, EcsFixture.HEALTHY_V2).build());
        String unrelated = fixture.registerTaskDefinition(service, EcsFixture.HEALTHY_V2);
        DeploymentRecord third = deploy(request(service, EcsFixture.HEALTHY).build());
        assertThat(third.newTaskDefinitionArn()).isNotEqualTo(unrelated);

        DeploymentEngine engine = fixture.engine();
        if (!servesServiceDeployments()) {
            assertThatThrownBy(() -> engine.rollback("production", EcsFixture.CLUSTER, service, null))
                    .isInstanceOf(InvalidDeploymentException.class)
                    .hasMessageContaining("does not implement ECS service deployments")
                    .hasMessageContaining("name the task definition to roll back to");
            assertThat(fixture.describe(service).taskDefinition()).isEqualTo(third.newTaskDefinitionArn());
            return;
        }
        withFaults();
        DeploymentRecord rolledBack = engine.await(
                engine.rollback("production", EcsFixture.CLUSTER, service, null),
                events::add,
                DecisionPolicy.always(Decision.CONTINUE),
                fixture.sleeper());
        withoutFaults();

        assertThat(rolledBack.status()).as(rolledBack.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(rolledBack.newTaskDefinitionArn())
                .isEqualTo(second.newTaskDefinitionArn())
                .isNotEqualTo(first);
        assertThat(fixture.describe(service).taskDefinition()).isEqualTo(second.newTaskDefinitionArn());
    }

    @Test
    void shouldFailWhenAnotherDeploymentReplacesOurs() {
        String service = newService(1);
        DeploymentEngine engine = fixture.engine();
        OperationPoll<DeploymentHandle, DeploymentRecord> result =
                engine.poll(engine.start(request(service, EcsFixture.SLOW).build()));
        String intruder = fixture.registerTaskDefinition("someone-else", EcsFixture.HEALTHY_V2);
        fixture.ecs()
                .updateService(
                        r -> r.cluster(EcsFixture.CLUSTER).service(service).taskDefinition(intruder));

        withFaults();
        while (result.outcome().isEmpty()) {
            fixture.emulator().advance(result.nextPollIn());
            result = engine.poll(result.handle());
        }
        withoutFaults();

        DeploymentRecord record = result.outcome().get();
        assertThat(record.status()).isEqualTo(DeploymentStatus.REPLACED);
        assertThat(record.reason()).contains("replaced it").contains(intruder);
    }
}
