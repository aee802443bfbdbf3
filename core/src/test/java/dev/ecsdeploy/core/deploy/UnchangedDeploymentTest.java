package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.emulator.inspect.CallRecord;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nothing to deploy: when the service already runs the image digest (same task definition content, stable, nothing
 * else to change), the engine registers nothing and calls no UpdateService, unless forced.
 */
class UnchangedDeploymentTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private EcsFixture fixture;
    private String image;
    private String digest;

    @BeforeEach
    void prepare(TestInfo test) {
        fixture = new EcsFixture(AWS);
        fixture.prepare();
        String repository =
                "unchanged/" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
        fixture.emulator().ecr().createRepository(repository);
        digest = fixture.emulator().ecr().putSyntheticImage(repository, "1.0", Map.of());
        image = fixture.emulator().registryHost() + "/" + repository + ":1.0";
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldMakeNoDeploymentWhenTheServiceAlreadyRunsTheDigest() {
        fixture.service("same", 1);
        DeploymentRecord first = deploy(request("same").build());
        long mark = lastCall();

        DeploymentRecord second = deploy(request("same").build());

        assertThat(first.status()).as(first.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(second.status()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(second.reason())
                .startsWith("unchanged: service already runs")
                .contains(digest);
        assertThat(second.newTaskDefinitionArn()).isEqualTo(first.newTaskDefinitionArn());
        assertThat(second.deploymentId()).isNull();
        assertThat(ecsCallsSince(mark))
                .as("ECS calls of the second deploy")
                .doesNotContain("UpdateService", "RegisterTaskDefinition");
        assertThat(fixture.describe("same").deployments()).hasSize(1);
        assertThat(events).anySatisfy(event -> assertThat(event.kind()).isEqualTo("deploy.unchanged"));
    }

    @Test
    void shouldDeployTheRunningDigestAgainWhenForced() {
        fixture.service("forced", 1);
        DeploymentRecord first = deploy(request("forced").build());
        long mark = lastCall();

        DeploymentRecord forced =
                deploy(request("forced").forceNewDeployment(true).build());

        assertThat(forced.status()).as(forced.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(forced.reason()).doesNotStartWith("unchanged");
        assertThat(forced.newTaskDefinitionArn())
                .as("the unchanged content reuses the running revision")
                .isEqualTo(first.newTaskDefinitionArn());
        assertThat(ecsCallsSince(mark)).contains("UpdateService").doesNotContain("RegisterTaskDefinition");
    }

    @Test
    void shouldUpdateTheServiceWhenOnlyTheDesiredCountChanges() {
        fixture.service("scaled", 1);
        deploy(request("scaled").build());
        long mark = lastCall();

        DeploymentRecord scaled = deploy(request("scaled").desiredCount(2).build());

        assertThat(scaled.status()).as(scaled.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(ecsCallsSince(mark)).contains("UpdateService");
    }

    private DeploymentRecord deploy(DeploymentRequest request) {
        return fixture.engine().run(request, events::add, DecisionPolicy.always(Decision.CONTINUE), fixture.sleeper());
    }

    private DeploymentRequest.Builder request(String service) {
        return DeploymentRequest.builder()
                .cluster(EcsFixture.CLUSTER)
                .service(service)
                .source(TaskDefinitionSource.currentWithImage(image, "web"));
    }

    private long lastCall() {
        List<CallRecord> all = fixture.emulator().callLog().all();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
    }

    private List<String> ecsCallsSince(long mark) {
        return fixture.emulator().callLog().all().stream()
                .filter(call -> call.sequence() > mark && call.service().equals("ecs"))
                .map(CallRecord::operation)
                .toList();
    }
}
