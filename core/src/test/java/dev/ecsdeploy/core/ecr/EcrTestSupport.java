package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.testing.TestAwsClients;
import dev.ecsdeploy.emulator.Emulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Wires an {@link EcrImageManager} to an emulator and keeps what it did for assertions. */
final class EcrTestSupport implements AutoCloseable {
    /** Every password the emulator issues starts with this; its base64 form starts with {@link #TOKEN_PREFIX}. */
    static final String PASSWORD_PREFIX = "ecr-emulator.";

    static final String TOKEN_PREFIX =
            Base64.getEncoder().encodeToString("AWS:ecr-emulato".getBytes(StandardCharsets.UTF_8));

    final Emulator emulator;
    final AwsClients clients = TestAwsClients.create();
    final RecordingCommandRunner runner = new RecordingCommandRunner();
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    final EcrImageManager manager;

    EcrTestSupport(Emulator emulator) {
        this(emulator, Map.of(), Clock.systemUTC());
    }

    EcrTestSupport(Emulator emulator, Map<String, String> toolEnvironment, Clock clock) {
        this.emulator = emulator;
        this.manager = EcrImageManager.builder()
                .clients(clients)
                .connection(connection(emulator))
                .commandRunner(runner)
                .progressListener(events::add)
                .toolEnvironment(toolEnvironment)
                .clock(clock)
                .build();
    }

    static AwsConnection connection(Emulator emulator) {
        return AwsConnection.of(
                        Region.of(emulator.region()),
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(Emulator.ACCESS_KEY_ID, Emulator.SECRET_ACCESS_KEY)))
                .withEndpointOverride(emulator.endpoint());
    }

    long tokenCalls() {
        return emulator.callLog().count("ecr", "GetAuthorizationToken");
    }

    String eventText() {
        return events.stream()
                .map(event -> event.message() + " " + event.attributes())
                .collect(Collectors.joining("\n"));
    }

    /** Asserts no command line, environment, output line or event holds a registry password or the AWS secret. */
    void assertNoSecretLeaked() {
        String everything = runner.everyArgumentAndEnvironmentValue() + runner.allOutput() + eventText();
        assertThat(everything)
                .doesNotContain(PASSWORD_PREFIX)
                .doesNotContain(TOKEN_PREFIX)
                .doesNotContain(Emulator.SECRET_ACCESS_KEY);
    }

    /** Asserts every private directory (auth files, build work) is gone, and nothing in them held a secret. */
    void assertPrivateDirectoriesDeleted() {
        assertThat(runner.privateDirectories())
                .isNotEmpty()
                .allSatisfy(path -> assertThat(path).doesNotExist());
    }

    /** A build context: a static busybox and a Dockerfile whose RUN step needs no shell from a base image. */
    static Path busyboxContext(Path directory, String marker) throws IOException {
        Files.copy(Path.of("/bin/busybox"), directory.resolve("busybox"));
        Files.writeString(directory.resolve("Dockerfile"), """
                FROM scratch
                COPY busybox /bin/busybox
                RUN ["/bin/busybox", "sh", "-c", "/bin/busybox mkdir -p /data && /bin/busybox echo %s > /data/built.txt"]
                ENTRYPOINT ["/bin/busybox", "cat", "/data/built.txt"]
                """.formatted(marker));
        return directory;
    }

    @Override
    public void close() {
        manager.close();
        clients.close();
    }
}
