package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.faults.FaultRule;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** A zone far from UTC with a half-hour offset, so a UTC or emulator time cannot pass for it. */
    private static final String PROGRESS_ZONE = "Asia/Kolkata";

    private CliFixture fixture;

    @BeforeEach
    void prepare() {
        fixture = new CliFixture(AWS, history);
        fixture.prepare();
        AWS.emulator().callLog().clear();
        AWS.emulator().faults().clear();
    }

    @AfterEach
    void clearFaults() {
        AWS.emulator().faults().clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void shouldRollBackARollingDeployOnASignal(String signal) throws Exception {
        String service = "interrupted-" + signal.toLowerCase(java.util.Locale.ROOT);
        fixture.service(service);
        Process child = start(
                "deploy", "--cluster", CliFixture.CLUSTER, "--service", service, "--image", CliFixture.HEALTHY_V2);

        interruptOnceCalled(child, "UpdateService", signal);

        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output(child)).isEqualTo(exitCode(signal));
        assertThat(operations()).containsAnyOf("StopServiceDeployment", "RollbackUpdateService");
        assertThat(historyText()).contains("ABORTED").contains("SIG" + signal);
        assertThat(childTemp).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void shouldRollBackACanaryAtItsBakeOnASignal(String signal) throws Exception {
        String service = "canary-" + signal.toLowerCase(java.util.Locale.ROOT);
        serviceWithTrafficShifting(service);
        Process child = start(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                service,
                "--image",
                CliFixture.HEALTHY_V2,
                "--strategy",
                "canary",
                "--canary-bake",
                "10m");

        interruptOnceCalled(child, "UpdateService", signal);

        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output(child)).isEqualTo(exitCode(signal));
        assertThat(operations()).contains("StopServiceDeployment");
        assertThat(historyText()).contains("ABORTED").contains("SIG" + signal);
        assertThat(childTemp).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void shouldStopTheTaskOfARunTaskOnASignal(String signal) throws Exception {
        fixture.registerTaskDefinition("server", "web", CliFixture.HEALTHY);
        Process child = start(
                "run-task", "--cluster", CliFixture.CLUSTER, "--task-definition", "server", "--subnets", "subnet-1");

        interruptOnceCalled(child, "RunTask", signal);

        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output(child)).isEqualTo(exitCode(signal));
        assertThat(operations()).contains("StopTask");
        assertThat(historyText()).contains("ABORTED").contains("SIG" + signal);
        assertThat(childTemp).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void shouldStopTheBuilderAndDeleteThePrivateDirectoriesWhenAPushIsInterrupted(String signal) throws Exception {
        Path tools = fakePodman();
        Path context = Files.createDirectories(tools.resolveSibling(tools.getFileName() + "-context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY . /\n");
        Process child = start(
                Map.of(
                        "PATH",
                        tools + File.pathSeparator + System.getenv("PATH"),
                        "FAKE_PODMAN_STATE",
                        tools.toString(),
                        "TZ",
                        PROGRESS_ZONE),
                "build-push",
                "--repository",
                "pushed-" + signal.toLowerCase(java.util.Locale.ROOT),
                "--create-repository",
                "--context",
                context.toString(),
                "--builder",
                "podman");
        Path builderPid = tools.resolve("sleep.pid");
        awaitFile(child, builderPid);
        assertThat(privateDirectories())
                .as("a login and a build directory exist in the middle")
                .isNotEmpty();

        kill(child, signal);

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output(child)).isEqualTo(exitCode(signal));
        assertThat(stopsWithinSeconds(
                        Long.parseLong(Files.readString(builderPid).trim()), 10))
                .as("the builder's own child is stopped")
                .isTrue();
        assertThat(childTemp).isEmptyDirectory();
        assertThat(historyText()).contains("ABORTED").contains("SIG" + signal);
        assertThat(output(child)).contains("aborted by SIG" + signal);
        assertThat(output(child).lines().filter(line -> line.matches("\\d\\d:\\d\\d:\\d\\d .*")))
                .as("progress in the TZ's wall-clock time")
                .isNotEmpty()
                .allMatch(line -> nearNowIn(PROGRESS_ZONE, line.substring(0, 8)));
    }

    @Test
    void shouldLeaveAtOnceOnASecondSignalNamingWhatRunsAndTheRollbackCommand() throws Exception {
        fixture.service("twice");
        AWS.emulator().faults().add(FaultRule.latency("ecs:StopServiceDeployment", Duration.ofSeconds(30)));
        Process child = start(
                "deploy", "--cluster", CliFixture.CLUSTER, "--service", "twice", "--image", CliFixture.HEALTHY_V2);
        interruptOnceCalled(child, "UpdateService", "INT");
        awaitOutput(child, "SIGINT received");

        kill(child, "INT");

        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output(child)).isEqualTo(130);
        assertThat(output(child))
                .contains("leaving at once (second interrupt): still running: the deployment of service twice in"
                        + " cluster " + CliFixture.CLUSTER
                        + "; to roll it back, run: ecsdeploy rollback --cluster " + CliFixture.CLUSTER
                        + " --service twice");
    }

    @Test
    void shouldLeaveAtOnceOnASecondSignalNamingTheTaskAndItsStopCommand() throws Exception {
        fixture.registerTaskDefinition("twice-task", "web", CliFixture.HEALTHY);
        AWS.emulator().faults().add(FaultRule.latency("ecs:StopTask", Duration.ofSeconds(30)));
        Process child = start(
                "run-task",
                "--cluster",
                CliFixture.CLUSTER,
                "--task-definition",
                "twice-task",
                "--subnets",
                "subnet-1");
        interruptOnceCalled(child, "RunTask", "TERM");
        awaitOutput(child, "SIGTERM received");

        kill(child, "TERM");

        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output(child)).isEqualTo(143);
        assertThat(output(child))
                .contains("leaving at once (second interrupt): still running: the task(s) started in cluster "
                        + CliFixture.CLUSTER + "; to stop it, run: aws ecs stop-task --cluster " + CliFixture.CLUSTER
                        + " --task arn:aws:ecs:");
    }

    @Test
    void shouldLeaveTheDeploymentRunningWithOnAbortLeave() throws Exception {
        fixture.service("left");
        Process child = start(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "left",
                "--image",
                CliFixture.HEALTHY_V2,
                "--on-abort",
                "leave");

        interruptOnceCalled(child, "UpdateService", "INT");

        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output(child)).isEqualTo(130);
        // Only the calls about this service: an abort another test's child left in flight may land in the log now.
        List<String> operations = operationsOn("left");
        assertThat(operations.subList(operations.indexOf("UpdateService"), operations.size()))
                .doesNotContain("StopServiceDeployment", "RollbackUpdateService")
                .containsOnlyOnce("UpdateService");
        assertThat(historyText()).contains("ABORTED").contains("SIGINT");
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
        return start(Map.of(), args);
    }

    private Process start(Map<String, String> environment, String... args) throws IOException {
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
        builder.environment().put("TMPDIR", childTemp.toString());
        builder.environment().putAll(environment);
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
        kill(child, signal);
    }

    private static void kill(Process child, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    /** Whether the process is gone (a reparented zombie may take a moment to be reaped). */
    private static boolean stopsWithinSeconds(long pid, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(100);
            } else {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code time} (HH:mm:ss) is within two minutes of now in {@code zone}. */
    private static boolean nearNowIn(String zone, String time) {
        java.time.LocalTime shown = java.time.LocalTime.parse(time);
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneId.of(zone));
        long apart = Math.abs(Duration.between(shown, now).toSeconds());
        return Math.min(apart, Duration.ofDays(1).toSeconds() - apart) <= 120;
    }

    private static int exitCode(String signal) {
        return signal.equals("INT") ? 130 : 143;
    }

    private void awaitFile(Process child, Path file) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(file)) {
            assertThat(child.isAlive()).as(output(child)).isTrue();
            assertThat(System.nanoTime()).as("no %s within 60 s", file).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitOutput(Process child, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!output(child).contains(text)) {
            assertThat(System.nanoTime()).as("no '%s' within 30 s", text).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<Path> privateDirectories() throws IOException {
        try (Stream<Path> files = Files.walk(childTemp)) {
            return files.filter(path -> path.getFileName().toString().startsWith("ecs-deploy-"))
                    .toList();
        }
    }

    /**
     * A podman stand-in whose save and push run (as a child of its own, like podman's helpers) until they are
     * stopped, and that writes that child's pid: the build is then "in the middle of a push".
     */
    private Path fakePodman() throws IOException {
        Path tools = Files.createDirectories(childTemp.resolveSibling(childTemp.getFileName() + "-tools"));
        Path podman = tools.resolve("podman");
        Files.writeString(podman, """
                #!/bin/sh
                case "$1" in
                  --version) echo "podman version 4.3.1" ;;
                  login) cat > /dev/null ;;
                  save|push)
                    sleep 300 &
                    echo $! > "$FAKE_PODMAN_STATE/sleep.pid.tmp"
                    mv "$FAKE_PODMAN_STATE/sleep.pid.tmp" "$FAKE_PODMAN_STATE/sleep.pid"
                    wait $! ;;
                esac
                """);
        Files.setPosixFilePermissions(podman, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return tools;
    }

    /** The operations whose parameters name {@code service}, by name or inside an ARN. */
    private List<String> operationsOn(String service) {
        return AWS.emulator().callLog().all().stream()
                .filter(call -> call.parameters().values().stream()
                        .anyMatch(value -> value.equals(service) || value.contains("/" + service + "/")))
                .map(CallRecord::operation)
                .toList();
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
