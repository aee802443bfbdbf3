package dev.ecsdeploy.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.sts.StsClient;

/** Starts the shaded jar the way a user does and talks to it with plain SDK clients, as the AWS CLI would. */
class EmulatorJarIT {
    private static final long READY_TIMEOUT_SECONDS = 60;

    private Process process;
    private final List<String> output = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldAnswerPlainSdkClientsWhenStartedFromTheJar() throws Exception {
        int port = freePort();
        URI endpoint = start(port, "--speed", "60");

        try (StsClient sts = configure(StsClient.builder(), endpoint).build();
                CloudWatchLogsClient logs =
                        configure(CloudWatchLogsClient.builder(), endpoint).build()) {
            logs.createLogGroup(r -> r.logGroupName("/from/the/jar"));

            assertThat(sts.getCallerIdentity().account()).isEqualTo("123456789012");
            assertThat(logs.describeLogGroups().logGroups())
                    .extracting(LogGroup::logGroupName)
                    .containsExactly("/from/the/jar");
        }
        assertThat(output).anyMatch(line -> line.contains("speed 60.0x"));
    }

    @Test
    void shouldStopCleanlyWhenTerminated() throws Exception {
        start(freePort());

        process.destroy();

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldExplainInOneLineWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process second = new ProcessBuilder(
                            javaExecutable(), "-jar", jar().toString(), "--port", "" + taken.getLocalPort())
                    .redirectErrorStream(true)
                    .start();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(output.strip())
                    .startsWith("ecs-deploy-emulator: could not bind the emulator to 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\tat ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"70000", "-1", "http"})
    void shouldRefuseAPortOutOfRangeInOneLine(String port) throws Exception {
        Process refused = new ProcessBuilder(javaExecutable(), "-jar", jar().toString(), "--port", port)
                .redirectErrorStream(true)
                .start();
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(refused.exitValue()).isEqualTo(2);
        assertThat(output.lines().findFirst().orElse(""))
                .isEqualTo("ecs-deploy-emulator: --port must be "
                        + (port.equals("http") ? "a whole number, not http" : "from 0 to 65535, not " + port));
        assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private URI start(int port, String... options) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(javaExecutable(), "-jar", jar().toString(), "--port", "" + port));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> pump(lines), "emulator-jar-output");
        reader.setDaemon(true);
        reader.start();
        awaitReady(lines);
        String expected = "endpoint: http://127.0.0.1:" + port;
        assertThat(output).as("output of the jar").contains(expected);
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitReady(BlockingQueue<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                output.add(line);
                if (line.contains("emulator ready on")) {
                    return;
                }
            } else if (!process.isAlive()) {
                break;
            }
        }
        throw new AssertionError("the emulator jar did not print its ready line; output: " + output);
    }

    private void pump(BlockingQueue<String> lines) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output closed: " + e.getMessage() + ")");
        }
    }

    private static <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(
            B builder, URI endpoint) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        return builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")));
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("emulator.jar", "target/ecs-deploy-emulator.jar"));
        assertThat(jar).as("the shaded jar built by package").exists();
        return jar;
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
