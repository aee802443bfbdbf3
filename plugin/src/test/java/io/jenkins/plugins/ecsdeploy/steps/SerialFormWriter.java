package io.jenkins.plugins.ecsdeploy.steps;

import static io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStepTest.awaitPhase;
import static io.jenkins.plugins.ecsdeploy.steps.EcsRunTaskStepTest.awaitTasks;

import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.Serialization;
import io.jenkins.plugins.ecsdeploy.testing.TestBodyInvoker;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/**
 * Writes the serialized forms that {@link SerialFormTest} keeps reading: executions caught mid-operation. Not a test
 * (surefire does not pick it up); run it only when a form deliberately changes, and keep the old files:
 *
 * <pre>./mvnw -ntp -o -pl plugin -am test -Dtest=SerialFormWriter -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class SerialFormWriter {
    static final Path DIRECTORY = Path.of("src/test/resources/io/jenkins/plugins/ecsdeploy/steps/serial-form");

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
    void writeTodaysForms() throws Exception {
        Files.createDirectories(DIRECTORY);
        world.service("golden-web", 1);
        EcsDeployRollingStep rolling = new EcsDeployRollingStep("golden-web");
        rolling.setCluster(EcsWorld.CLUSTER);
        rolling.setImage(EcsWorld.SLOW);
        rolling.setRegion("us-east-1");
        var deploy = EcsDeployRollingStepTest.execution(rolling, new TestStepContext());
        awaitPhase(deploy, Phase.ROLLING_OUT);
        write("rolling-deployment-rolling-out.ser", deploy);

        world.trafficShiftingService("golden-canary", 1);
        EcsDeployCanaryStep canary = new EcsDeployCanaryStep("golden-canary");
        canary.setCluster(EcsWorld.CLUSTER);
        canary.setImage(EcsWorld.HEALTHY_V2);
        canary.setRegion("us-east-1");
        TestStepContext canaryContext = new TestStepContext().withBody(new TestBodyInvoker(contexts -> {
            Thread.sleep(600_000);
            return null;
        }));
        var paused = EcsDeployRollingStepTest.execution(canary, canaryContext);
        awaitPhase(paused, Phase.AWAITING_DECISION);
        write("canary-deployment-awaiting-body.ser", paused);

        AWS.ecs()
                .registerTaskDefinition(r -> r.family("golden-job")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image(EcsWorld.LONG_JOB)
                                .essential(true)
                                .memory(512)
                                .build()));
        EcsRunTaskStep runTask = new EcsRunTaskStep();
        runTask.setCluster(EcsWorld.CLUSTER);
        runTask.setTaskDefinition("golden-job");
        runTask.setLaunchType("EC2");
        runTask.setRegion("us-east-1");
        var run = EcsDeployRollingStepTest.execution(runTask, new TestStepContext());
        awaitTasks(run);
        write("run-task-following.ser", run);

        WithEcsEnvironmentStep environment = new WithEcsEnvironmentStep("prod");
        environment.setCluster("prod-cluster");
        environment.setRoleArn("arn:aws:iam::123456789012:role/deployer");
        write(
                "with-ecs-environment.ser",
                environment.start(new TestStepContext().withBody(TestBodyInvoker.succeeding())));
    }

    private void write(String name, Object execution) throws Exception {
        services.restart();
        if (execution instanceof DurableOperationExecution<?, ?, ?> durable) {
            Map.of("status", durable.getStatus()).forEach((k, v) -> System.out.println(name + " " + k + ": " + v));
        }
        Files.write(DIRECTORY.resolve(name), Serialization.serialize(execution));
    }
}
