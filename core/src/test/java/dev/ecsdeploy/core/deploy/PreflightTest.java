package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.inspect.CallRecord;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input and unsupported services are refused before any mutation; a dry run mutates nothing. */
class PreflightTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    private static final Set<String> MUTATIONS =
            Set.of("RegisterTaskDefinition", "UpdateService", "StopServiceDeployment", "ContinueServiceDeployment");

    private EcsFixture fixture;
    private long lastCall;

    @BeforeEach
    void prepare() {
        fixture = new EcsFixture(AWS);
        fixture.prepare();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldRefuseACodeDeployServiceBeforeAnyMutation() {
        fixture.service(
                "codedeploy",
                1,
                b -> b.deploymentController(c -> c.type("CODE_DEPLOY"))
                        .deploymentConfiguration(
                                c -> c.minimumHealthyPercent(100).maximumPercent(200)));
        markCallLog();

        assertThatThrownBy(() -> fixture.engine().start(request("codedeploy").build()))
                .isInstanceOf(InvalidDeploymentException.class)
                .hasMessageStartingWith(
                        "deployment refused: service codedeploy uses the CODE_DEPLOY deployment" + " controller")
                .hasMessageContaining("ECS native blue/green")
                .extracting(e -> ((InvalidDeploymentException) e).reason())
                .isEqualTo(InvalidDeploymentException.Reason.CODE_DEPLOY_CONTROLLER);
        assertThat(mutationsSinceMark()).isEmpty();
    }

    @Test
    void shouldRefuseAnOverflowingTimeoutWhenTheRequestIsBuilt() {
        assertThatThrownBy(() -> request("any")
                        .timeout(java.time.Duration.ofDays(999_999_999_999L))
                        .build())
                .isInstanceOf(InvalidDeploymentException.class)
                .hasMessageStartingWith("deployment refused: the timeout ")
                .hasMessageEndingWith(" is longer than 30 days");
    }

    @Test
    void shouldRefuseAnImageFromAPlaceholderThatDockerCannotPullBeforeAnyMutation() {
        fixture.service("placeholder-image", 1);
        markCallLog();
        String file = """
                {"family": "placeholder-image", "containerDefinitions": [{"name": "web", "image": "${IMAGE}"}]}
                """;

        assertThatThrownBy(() -> fixture.engine()
                        .start(DeploymentRequest.builder()
                                .cluster(EcsFixture.CLUSTER)
                                .service("placeholder-image")
                                .source(TaskDefinitionSource.file(file, java.util.Map.of("IMAGE", "Web:2")))
                                .build()))
                .isInstanceOf(InvalidDeploymentException.class)
                .hasMessageStartingWith("deployment refused: container web: image reference is invalid: 'Web:2'");
        assertThat(mutationsSinceMark()).isEmpty();
    }

    @Test
    void shouldNameAMissingClusterServiceOrContainer() {
        fixture.service("present", 1);
        markCallLog();

        assertThatThrownBy(() -> fixture.engine()
                        .start(DeploymentRequest.builder()
                                .cluster("nope")
                                .service("present")
                                .source(TaskDefinitionSource.currentWithImage(EcsFixture.HEALTHY_V2))
                                .build()))
                .hasMessage("deployment refused: cluster nope not found");
        assertThatThrownBy(() -> fixture.engine().start(request("absent").build()))
                .hasMessageStartingWith("deployment refused: service absent not found in cluster main");
        assertThatThrownBy(() -> fixture.engine()
                        .start(request("present")
                                .source(TaskDefinitionSource.currentWithImage(EcsFixture.HEALTHY_V2, "api"))
                                .build()))
                .hasMessage("deployment refused: container api not found: task definition present has [web]");
        assertThat(mutationsSinceMark()).isEmpty();
    }

    @Test
    void shouldRefuseATaskDefinitionFileWithUnknownMembers() {
        fixture.service("badfile", 1);
        markCallLog();

        assertThatThrownBy(() -> fixture.engine()
                        .start(request("badfile")
                                .source(TaskDefinitionSource.file(
                                        "{\"family\":\"x\",\"containerDefinitions\":[{\"name\":\"web\","
                                                + "\"image\":\"nginx\",\"cpuShares\":1}]}",
                                        Map.of()))
                                .build()))
                .hasMessageStartingWith("deployment refused: the JSON does not match the ECS API:")
                .hasMessageContaining("unknown member containerDefinitions[0].cpuShares");
        assertThat(mutationsSinceMark()).isEmpty();
    }

    @Test
    void shouldRefuseACanaryWithoutLoadBalancerOrServiceConnect() {
        fixture.service("plain", 1);
        markCallLog();

        assertThatThrownBy(() -> fixture.engine()
                        .start(request("plain")
                                .strategy(new DeploymentStrategy.Canary(10, 5, null))
                                .build()))
                .hasMessage("deployment refused: a CANARY deployment needs managed traffic shifting, but service plain"
                        + " has no load balancer and does not use Service Connect or VPC Lattice");
        assertThat(mutationsSinceMark()).isEmpty();
    }

    @Test
    void shouldPlanWithoutMutating() {
        fixture.service("dryrun", 1);
        markCallLog();

        DeploymentPlan plan = fixture.engine()
                .plan(request("dryrun")
                        .environmentVariable("web", "API_KEY", "abc")
                        .build());

        assertThat(plan.diff().changes())
                .extracting(Object::toString)
                .contains("~ containerDefinitions[web].image: \"" + EcsFixture.HEALTHY + "\" → \""
                        + EcsFixture.HEALTHY_V2 + "\"");
        assertThat(plan.warnings()).anyMatch(w -> w.contains("API_KEY"));
        assertThat(plan.render()).contains("UpdateService main/dryrun with strategy ROLLING");
        assertThat(mutationsSinceMark()).isEmpty();
    }

    @Test
    void shouldPinAnEcrImageByDigest() {
        fixture.service("pinned", 1);
        fixture.emulator().ecr().createRepository("pinned-web");
        String digest = fixture.emulator().ecr().putSyntheticImage("pinned-web", "1.0", Map.of());
        String repository = fixture.emulator().registryHost() + "/pinned-web";

        DeploymentPlan plan = fixture.engine()
                .plan(request("pinned")
                        .source(TaskDefinitionSource.currentWithImage(repository + ":1.0", "web"))
                        .build());

        assertThat(plan.imageDigests()).containsEntry("web", repository + "@" + digest);
        assertThat(plan.newTaskDefinitionJson()).contains(repository + "@" + digest);
    }

    @Test
    void shouldRefuseAnImageThatIsNotInEcr() {
        fixture.service("unpushed", 1);
        fixture.emulator().ecr().createRepository("unpushed-web");
        String missingTag = fixture.emulator().registryHost() + "/unpushed-web:9.9";
        markCallLog();

        assertThatThrownBy(() -> fixture.engine()
                        .start(request("unpushed")
                                .source(TaskDefinitionSource.currentWithImage(missingTag, "web"))
                                .build()))
                .hasMessageStartingWith("image does not exist in ECR: " + missingTag);
        assertThatThrownBy(() -> fixture.engine()
                        .start(request("unpushed")
                                .source(TaskDefinitionSource.currentWithImage(
                                        "123456789012.dkr.ecr.us-east-1.amazonaws.com/nowhere:1", "web"))
                                .build()))
                .hasMessageStartingWith("image does not exist in ECR: ")
                .hasMessageContaining("repository nowhere not found");
        assertThat(mutationsSinceMark()).isEmpty();
    }

    private DeploymentRequest.Builder request(String service) {
        return DeploymentRequest.builder()
                .cluster(EcsFixture.CLUSTER)
                .service(service)
                .source(TaskDefinitionSource.currentWithImage(EcsFixture.HEALTHY_V2));
    }

    private void markCallLog() {
        List<CallRecord> all = fixture.emulator().callLog().all();
        lastCall = all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
    }

    private List<String> mutationsSinceMark() {
        return fixture.emulator().callLog().all().stream()
                .filter(c -> c.sequence() > lastCall)
                .map(CallRecord::operation)
                .filter(MUTATIONS::contains)
                .toList();
    }
}
