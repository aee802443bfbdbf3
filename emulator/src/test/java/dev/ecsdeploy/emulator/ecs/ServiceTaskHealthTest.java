package dev.ecsdeploy.emulator.ecs;

import static dev.ecsdeploy.emulator.ecs.EcsFixtures.advanceUntil;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.cluster;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.createService;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.service;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Health;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

class ServiceTaskHealthTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private EcsClient ecs;
    private Emulator emulator;

    @BeforeEach
    void setUp() {
        ecs = aws.ecs();
        emulator = aws.emulator();
        cluster(ecs, "c");
    }

    private Task firstStopped(String service) {
        var stopped = ecs.listTasks(r -> r.cluster("c").serviceName(service).desiredStatus(DesiredStatus.STOPPED))
                .taskArns();
        return EcsFixtures.describe(ecs, "c", stopped.get(0));
    }

    @Test
    void shouldReplaceTasksThatFailTheirContainerHealthCheck() {
        emulator.ecs().simulate("web:sick", Workload.DEFAULT.withHealth(Health.UNHEALTHY));
        String sick = ecs.registerTaskDefinition(r -> r.family("web")
                        .containerDefinitions(c -> c.name("app")
                                .image("web:sick")
                                .essential(true)
                                .healthCheck(h -> h.command("CMD-SHELL", "curl -f localhost")
                                        .interval(10)
                                        .retries(3))))
                .taskDefinition()
                .taskDefinitionArn();
        createService(ecs, "c", "web", sick, 1, d -> {});

        advanceUntil(
                emulator,
                Duration.ofMinutes(5),
                () -> !ecs.listTasks(r -> r.cluster("c").serviceName("web").desiredStatus(DesiredStatus.STOPPED))
                        .taskArns()
                        .isEmpty());

        Task stopped = firstStopped("web");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("Task failed container health checks");
        assertThat(stopped.containers().get(0).healthStatusAsString()).isEqualTo("UNHEALTHY");
        assertThat(service(ecs, "c", "web").events())
                .extracting(ServiceEvent::message)
                .anyMatch(
                        m -> m.matches("\\(service web\\) \\(task [0-9a-f]{32}\\) failed container health checks\\."));
        assertThat(ecs.listTasks(r -> r.cluster("c").serviceName("web")).taskArns())
                .as("the scheduler started a replacement")
                .hasSize(1);
    }

    @Test
    void shouldCountPullFailuresAsFailedTasks() {
        String missing = emulator.registryHost() + "/web:missing";
        emulator.ecs().simulatePullFailure(missing);
        createService(ecs, "c", "web", taskDefinition(ecs, "web", missing), 1, d -> {});

        advanceUntil(
                emulator,
                Duration.ofMinutes(1),
                () -> service(ecs, "c", "web").deployments().get(0).failedTasks() >= 2);

        Task stopped = firstStopped("web");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.containers().get(0).reason()).startsWith("CannotPullContainerError:");
        assertThat(stopped.startedBy())
                .isEqualTo(service(ecs, "c", "web").deployments().get(0).id());
    }

    @Test
    void shouldTreatARetriedCreateServiceWithTheSameTokenAsTheSameService() {
        String v1 = taskDefinition(ecs, "web", "web:1");
        var first = ecs.createService(r -> r.cluster("c")
                        .serviceName("web")
                        .taskDefinition(v1)
                        .desiredCount(1)
                        .launchType(LaunchType.EC2)
                        .clientToken("create-1"))
                .service();
        var retry = ecs.createService(r -> r.cluster("c")
                        .serviceName("web")
                        .taskDefinition(v1)
                        .desiredCount(1)
                        .launchType(LaunchType.EC2)
                        .clientToken("create-1"))
                .service();

        assertThat(retry.serviceArn()).isEqualTo(first.serviceArn());
        assertThat(ecs.listServiceDeployments(r -> r.cluster("c").service("web"))
                        .serviceDeployments())
                .hasSize(1);
        assertThatThrownBy(() -> ecs.createService(r -> r.cluster("c")
                        .serviceName("web")
                        .taskDefinition(v1)
                        .desiredCount(2)
                        .launchType(LaunchType.EC2)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Creation of service was not idempotent.");
    }

    @Test
    void shouldAnswerUnknownServiceDeploymentsWithNotFound() {
        String arn = "arn:aws:ecs:us-east-1:123456789012:service-deployment/c/web/nope";

        assertThatThrownBy(() -> ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(arn)))
                .isInstanceOf(ServiceDeploymentNotFoundException.class);
        assertThat(ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn))
                        .failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }
}
