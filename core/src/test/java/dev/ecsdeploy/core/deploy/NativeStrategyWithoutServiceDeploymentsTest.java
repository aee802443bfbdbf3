package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.emulator.faults.UnimplementedOperations.Style;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Native strategies against an endpoint without ListServiceDeployments and DescribeServiceDeployments: they are
 * followed through DescribeServices' deployments[], and PAUSE stages, which need service deployments, are refused
 * before anything is registered or updated.
 */
class NativeStrategyWithoutServiceDeploymentsTest extends AbstractEngineScenarioTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    private static int services;

    @Override
    EmulatorExtension aws() {
        return AWS;
    }

    @Override
    boolean servesServiceDeployments() {
        return false;
    }

    @BeforeEach
    void switchOffServiceDeployments() {
        AWS.emulator().unimplemented().add("ecs:ListServiceDeployments", Style.LOCALSTACK);
        AWS.emulator().unimplemented().add("ecs:DescribeServiceDeployments", Style.LOCALSTACK);
    }

    @AfterEach
    void switchOnServiceDeployments() {
        AWS.emulator().unimplemented().clear();
    }

    @Test
    void shouldFollowACanaryThroughDescribeServicesToSuccess() {
        String service = newService();

        DeploymentRecord record =
                deploy(request(service, new DeploymentStrategy.Canary(10, 2, 1)).build(), DecisionPolicy.always(null));

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(record.serviceDeploymentArn()).isNull();
        assertThat(fixture.primary(service).taskDefinition()).isEqualTo(record.newTaskDefinitionArn());
        assertThat(events)
                .filteredOn(e -> e.message().contains("does not implement ECS service deployments"))
                .singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo("deploy.warning"));
    }

    @Test
    void shouldFollowABlueGreenDeploymentThroughDescribeServicesToSuccess() {
        String service = newService();

        DeploymentRecord record =
                deploy(request(service, new DeploymentStrategy.BlueGreen(1)).build(), DecisionPolicy.always(null));

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(fixture.primary(service).taskDefinition()).isEqualTo(record.newTaskDefinitionArn());
    }

    @Test
    void shouldRefusePauseStagesBeforeChangingAnything() {
        String service = newService();
        long registers = fixture.calls("RegisterTaskDefinition");
        long updates = fixture.calls("UpdateService");
        DeploymentRequest paused = request(service, new DeploymentStrategy.Canary(10, 1, 0))
                .pauseAt("POST_TEST_TRAFFIC_SHIFT")
                .build();
        if (PauseHooksOnThisSdk.refused(fixture, paused)) {
            return; // on the SDK floor, pausing is refused for the SDK before the endpoint is asked
        }

        assertThatThrownBy(() -> fixture.engine().start(paused))
                .isInstanceOf(InvalidDeploymentException.class)
                .hasMessageContaining(
                        "deployment refused: pausing at [POST_TEST_TRAFFIC_SHIFT] needs ECS service" + " deployments")
                .hasMessageContaining("which this endpoint does not implement; nothing was changed");
        assertThat(fixture.calls("RegisterTaskDefinition")).isEqualTo(registers);
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates);
    }

    private String newService() {
        String name = "partial" + ++services;
        fixture.serviceWithTrafficShifting(name, 2);
        return name;
    }

    private DeploymentRequest.Builder request(String service, DeploymentStrategy strategy) {
        return DeploymentRequest.builder()
                .environment("staging")
                .cluster(EcsFixture.CLUSTER)
                .service(service)
                .strategy(strategy)
                .source(TaskDefinitionSource.currentWithImage(EcsFixture.HEALTHY_V2));
    }
}
