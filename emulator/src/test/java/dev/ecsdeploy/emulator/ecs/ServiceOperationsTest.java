package dev.ecsdeploy.emulator.ecs;

import static dev.ecsdeploy.emulator.ecs.EcsFixtures.advanceUntil;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.cluster;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.createService;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.service;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.steadyOn;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.faults.FaultRule;
import dev.ecsdeploy.emulator.inspect.CallRecord;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;

class ServiceOperationsTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private EcsClient ecs;
    private Emulator emulator;
    private String v1;

    @BeforeEach
    void setUp() {
        ecs = aws.ecs();
        emulator = aws.emulator();
        cluster(ecs, "c");
        v1 = taskDefinition(ecs, "web", "web:1");
    }

    @Test
    void shouldStartAServiceDeploymentPendingThenInProgressAsEcsDoes() {
        String arn = createService(ecs, "c", "web", v1, 2, d -> {}).currentServiceDeployment();

        ServiceDeployment pending = describeDeployment(arn);
        emulator.advance(Duration.ofSeconds(1));
        ServiceDeployment started = describeDeployment(arn);

        assertThat(pending.status()).isEqualTo(ServiceDeploymentStatus.PENDING);
        assertThat(pending.startedAt()).isNull();
        assertThat(started.status()).isEqualTo(ServiceDeploymentStatus.IN_PROGRESS);
        assertThat(started.startedAt()).isEqualTo(pending.createdAt().plusSeconds(1));
    }

    private ServiceDeployment describeDeployment(String arn) {
        return ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn))
                .serviceDeployments()
                .get(0);
    }

    @Test
    void shouldRejectDescribingMoreThanTenServices() {
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "svc" + i).toList();

        assertThatThrownBy(() -> ecs.describeServices(r -> r.cluster("c").services(eleven)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ecs.describeServices(r -> r.cluster("c").services(eleven.subList(0, 10)))
                        .failures())
                .hasSize(10)
                .allSatisfy(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }

    @Test
    void shouldRejectTaskDefinitionChangesOnCodeDeployServices() {
        ecs.createService(r -> r.cluster("c")
                .serviceName("bg")
                .taskDefinition(v1)
                .desiredCount(1)
                .launchType(LaunchType.EC2)
                .deploymentController(d -> d.type(DeploymentControllerType.CODE_DEPLOY)));
        String v2 = taskDefinition(ecs, "web", "web:2");

        assertThatThrownBy(() ->
                        ecs.updateService(r -> r.cluster("c").service("bg").taskDefinition(v2)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Unable to update task definition on services with a CODE_DEPLOY deployment"
                        + " controller. Use AWS CodeDeploy to trigger a new deployment.");
        assertThat(ecs.updateService(r -> r.cluster("c").service("bg").desiredCount(2))
                        .service()
                        .desiredCount())
                .isEqualTo(2);
    }

    @Test
    void shouldScaleWithoutANewDeployment() {
        createService(ecs, "c", "web", v1, 1, d -> {});
        advanceUntil(emulator, Duration.ofMinutes(2), () -> steadyOn(ecs, "c", "web", v1));

        ecs.updateService(r -> r.cluster("c").service("web").desiredCount(3));
        advanceUntil(
                emulator, Duration.ofMinutes(2), () -> service(ecs, "c", "web").runningCount() == 3);

        assertThat(service(ecs, "c", "web").deployments()).hasSize(1);
        assertThat(ecs.listServiceDeployments(r -> r.cluster("c").service("web"))
                        .serviceDeployments())
                .hasSize(1);
    }

    @Test
    void shouldStartANewDeploymentOnForceNewDeployment() {
        createService(ecs, "c", "web", v1, 1, d -> {});
        advanceUntil(emulator, Duration.ofMinutes(2), () -> steadyOn(ecs, "c", "web", v1));
        String first = service(ecs, "c", "web").deployments().get(0).id();

        var updated = ecs.updateService(r -> r.cluster("c").service("web").forceNewDeployment(true))
                .service();

        assertThat(updated.deployments()).hasSize(2);
        assertThat(updated.deployments().get(0).id()).isNotEqualTo(first);
        assertThat(updated.deployments().get(1).status()).isEqualTo("ACTIVE");
        assertThat(updated.currentServiceDeployment())
                .startsWith("arn:aws:ecs:us-east-1:123456789012:service-deployment/c/web/");
    }

    @Test
    void shouldDrainThenDeactivateADeletedService() {
        createService(ecs, "c", "web", v1, 2, d -> {});
        advanceUntil(emulator, Duration.ofMinutes(2), () -> steadyOn(ecs, "c", "web", v1));

        String sdArn = service(ecs, "c", "web").currentServiceDeployment();
        assertThatThrownBy(() -> ecs.deleteService(r -> r.cluster("c").service("web")))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ecs.deleteService(r -> r.cluster("c").service("web").force(true))
                        .service()
                        .status())
                .isEqualTo("DRAINING");
        assertThatThrownBy(() ->
                        ecs.updateService(r -> r.cluster("c").service("web").desiredCount(1)))
                .isInstanceOf(ServiceNotActiveException.class);
        emulator.advance(Duration.ofSeconds(10));

        assertThat(service(ecs, "c", "web").status()).isEqualTo("INACTIVE");
        assertThat(ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(sdArn))
                        .failures())
                .as("deleting a service deletes its service deployments")
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
        assertThat(ecs.listServices(r -> r.cluster("c")).serviceArns()).isEmpty();
        assertThatThrownBy(() ->
                        ecs.updateService(r -> r.cluster("c").service("ghost").desiredCount(1)))
                .isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void shouldSucceedDespiteThirtyPercentThrottlingThanksToSdkRetries() {
        createService(ecs, "c", "web", v1, 1, d -> {});
        emulator.faults().add(FaultRule.throttle("ecs:DescribeServices", 30));

        for (int i = 0; i < 20; i++) {
            assertThat(service(ecs, "c", "web").serviceName()).isEqualTo("web");
        }

        List<CallRecord> calls = emulator.callLog().calls("ecs", "DescribeServices");
        assertThat(emulator.callLog().countSucceeded("ecs", "DescribeServices")).isEqualTo(20);
        assertThat(calls).anyMatch(c -> c.outcome().equals("ThrottlingException"));
        for (int i = 0; i < calls.size() - 1; i++) {
            if (calls.get(i).outcome().equals("ThrottlingException")) {
                assertThat(calls.get(i + 1).operation()).as("the SDK retries").isEqualTo("DescribeServices");
            }
        }
        assertThat(calls.get(calls.size() - 1).succeeded()).isTrue();
    }

    @Test
    void shouldKeepTheHundredNewestEventsNewestFirst() {
        createService(ecs, "c", "web", v1, 1, d -> {});
        for (int i = 0; i < 60; i++) {
            ecs.updateService(r -> r.cluster("c").service("web").desiredCount(2));
            emulator.advance(Duration.ofSeconds(1));
            ecs.updateService(r -> r.cluster("c").service("web").desiredCount(1));
            emulator.advance(Duration.ofSeconds(1));
        }

        var events = service(ecs, "c", "web").events();

        assertThat(events).hasSize(100);
        for (int i = 0; i < events.size() - 1; i++) {
            assertThat(events.get(i).createdAt())
                    .isAfterOrEqualTo(events.get(i + 1).createdAt());
        }
        assertThat(events.get(0).message()).startsWith("(service web) has stopped 1 running tasks: (task ");
    }
}
