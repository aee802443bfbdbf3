package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.inspect.CallRecord;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a real child process, interrupted with SIGINT or SIGTERM in the middle of an operation: the abort action
 * is applied, the history says ABORTED, and no private directory is left in the child's own temp directory.
 */
class InterruptTest {
    /** Real time, so the child's waits take long enough to be interrupted in the middle. */
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(1);

    @TempDir
    Path history;

    @TempDir
    Path childTemp;

    private CliFixture fixture;

    @BeforeEach
    void prepare() {
        fixture = new CliFixture(AWS, history);
        fixture.prepare();
        AWS.emulator().callLog().clear();
    }

    @Test
    void shouldRollBackARollingDeployOnSigint() throws Exception {
        fixture.service("interrupted");
        Process child = start(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "interrupted",
                "--image",
                CliFixture.HEALTHY_V2);

        interruptOnceCalled(child, "UpdateService", "INT");

        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output(child)).isEqualTo(130);
        assertThat(operations()).containsAnyOf("StopServiceDeployment", "RollbackUpdateService");
        assertThat(historyText()).contains("ABORTED").contains("SIGINT");
        assertThat(childTemp).isEmptyDirectory();
    }

    @Test
    void shouldRollBackACanaryAtItsBakeOnSigterm() throws Exception {
        serviceWithTrafficShifting("canary");
        Process child = start(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "canary",
                "--image",
                CliFixture.HEALTHY_V2,
                "--strategy",
                "canary",
                "--canary-bake",
                "10m");

        interruptOnceCalled(child, "UpdateService", "TERM");

        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output(child)).isEqualTo(143);
        assertThat(operations()).contains("StopServiceDeployment");
        assertThat(historyText()).contains("ABORTED").contains("SIGTERM");
        assertThat(childTemp).isEmptyDirectory();
    }

    @Test
    void shouldStopTheTaskOfARunTaskOnSigint() throws Exception {
        fixture.registerTaskDefinition("server", "web", CliFixture.HEALTHY);
        Process child = start(
                "run-task", "--cluster", CliFixture.CLUSTER, "--task-definition", "server", "--subnets", "subnet-1");

        interruptOnceCalled(child, "RunTask", "INT");

        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output(child)).isEqualTo(130);
        assertThat(operations()).contains("StopTask");
        assertThat(historyText()).contains("ABORTED").contains("SIGINT");
        assertThat(childTemp).isEmptyDirectory();
    }

    /** A settled service behind a load balancer with advancedConfiguration, ready for a canary. */
    private void serviceWithTrafficShifting(String name) {
        String prefix = "arn:aws:elasticloadbalancing:us-east-1:123456789012:";
        String taskDefinition = fixture.ecs()
                .registerTaskDefinition(r -> r.family(name)
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(c -> c.name("web")
                                .image(CliFixture.HEALTHY)
                                .essential(true)
                                .portMappings(p -> p.containerPort(8080))))
                .taskDefinition()
                .taskDefinitionArn();
        fixture.ecs()
                .createService(r -> r.cluster(CliFixture.CLUSTER)
                        .serviceName(name)
                        .taskDefinition(taskDefinition)
                        .desiredCount(2)
                        .launchType("FARGATE")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")))
                        .loadBalancers(lb -> lb.targetGroupArn(prefix + "targetgroup/blue/1")
                                .containerName("web")
                                .containerPort(8080)
                                .advancedConfiguration(a -> a.alternateTargetGroupArn(prefix + "targetgroup/green/2")
                                        .productionListenerRule(prefix + "listener-rule/app/web/1/2/3")
                                        .testListenerRule(prefix + "listener-rule/app/web/1/2/4")
                                        .roleArn("arn:aws:iam::123456789012:role/ecsInfrastructure")))
                        .deploymentConfiguration(
                                c -> c.minimumHealthyPercent(100).maximumPercent(200)));
        fixture.settle(name);
        AWS.emulator().callLog().clear();
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + childTemp);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        command.addAll(
                List.of("--endpoint-url", AWS.emulator().endpoint().toString(), "--history", history.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(childTemp
                        .resolveSibling(childTemp.getFileName() + ".out")
                        .toFile())
                .redirectError(childTemp
                        .resolveSibling(childTemp.getFileName() + ".err")
                        .toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().put("AWS_REGION", "us-east-1");
        return builder.start();
    }

    private void interruptOnceCalled(Process child, String operation, String signal) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!operations().contains(operation)) {
            assertThat(child.isAlive()).as(output(child)).isTrue();
            assertThat(System.nanoTime()).as("no %s within 60 s", operation).isLessThan(deadline);
            Thread.sleep(100);
        }
        Thread.sleep(1500); // into the wait that follows the mutation
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    private List<String> operations() {
        return AWS.emulator().callLog().all().stream()
                .map(CallRecord::operation)
                .toList();
    }

    private String historyText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(history)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private String output(Process child) {
        File err = childTemp.resolveSibling(childTemp.getFileName() + ".err").toFile();
        try {
            return err.exists() ? Files.readString(err.toPath()) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
