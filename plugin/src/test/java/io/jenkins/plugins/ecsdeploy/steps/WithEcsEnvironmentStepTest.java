package io.jenkins.plugins.ecsdeploy.steps;

import static io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStepTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import io.jenkins.plugins.ecsdeploy.exec.AwsTarget;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.TestBodyInvoker;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WithEcsEnvironmentStepTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(50);

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

    @Test
    void shouldGiveTheStepsInsideItsClusterAndIdentity() throws Exception {
        world.service("env-api", 1);
        WithEcsEnvironmentStep block = new WithEcsEnvironmentStep("prod");
        block.setCluster(EcsWorld.CLUSTER);
        block.setRegion("us-east-1");
        block.setRoleArn("arn:aws:iam::123456789012:role/deployer");
        block.setCredentialsId("prod-aws");
        TestBodyInvoker body = new TestBodyInvoker(contexts -> {
            TestStepContext inner = new TestStepContext();
            contexts.forEach(c -> inner.put(EcsEnvironment.class, (EcsEnvironment) c));
            EcsDeployRollingStep step = new EcsDeployRollingStep("env-api");
            step.setImage(EcsWorld.HEALTHY_V2);
            step.setRoleArn("arn:aws:iam::123456789012:role/own");
            step.start(inner).start();
            return inner.awaitSuccess(WAIT);
        });
        TestStepContext context = new TestStepContext().withBody(body);

        block.start(context).start();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "SUCCESSFUL");
        assertThat(services.targets())
                .containsExactly(new AwsTarget(
                        "us-east-1", "prod-aws", "arn:aws:iam::123456789012:role/own", null, null, null, null));
    }

    @Test
    void shouldLetAnInnerBlockOverrideFieldByField() throws Exception {
        WithEcsEnvironmentStep outer = new WithEcsEnvironmentStep("prod");
        outer.setCluster("prod-cluster");
        outer.setRegion("eu-west-1");
        TestStepContext context = new TestStepContext()
                .put(
                        EcsEnvironment.class,
                        new EcsEnvironment(
                                "prod",
                                "prod-cluster",
                                new AwsTarget("eu-west-1", "creds", null, null, null, null, null)))
                .withBody(TestBodyInvoker.succeeding());
        WithEcsEnvironmentStep inner = new WithEcsEnvironmentStep("prod-eu-2");
        inner.setRegion("eu-west-2");

        var execution = (WithEcsEnvironmentStep.Execution) inner.start(context);

        assertThat(execution.environment())
                .isEqualTo(new EcsEnvironment(
                        "prod-eu-2",
                        "prod-cluster",
                        new AwsTarget("eu-west-2", "creds", null, null, null, null, null)));
    }
}
