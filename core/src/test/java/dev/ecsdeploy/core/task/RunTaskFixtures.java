package dev.ecsdeploy.core.task;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.workload.Workload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;

/** Shared set-up for run-task tests: a cluster, a task definition with awslogs, a runner on the emulator's clock. */
final class RunTaskFixtures {
    static final String CLUSTER = "jobs";
    static final String FAMILY = "job";
    static final String IMAGE = "registry.example.com/job:1";
    static final String LOG_GROUP = "/ecs/job";

    private RunTaskFixtures() {}

    static AwsConnection connection(Emulator emulator) {
        return AwsConnection.of(
                        Region.of(emulator.region()),
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(Emulator.ACCESS_KEY_ID, Emulator.SECRET_ACCESS_KEY)))
                .withEndpointOverride(emulator.endpoint());
    }

    /** A runner whose sleeps move the emulator's manual clock: runs are deterministic and take no real time. */
    static BlockingRunner runner(Emulator emulator, AwsClients clients) {
        return runner(emulator, clients, connection(emulator));
    }

    static BlockingRunner runner(Emulator emulator, AwsClients clients, AwsConnection connection) {
        return new BlockingRunner(
                EcsTaskRunner.builder()
                        .clients(clients)
                        .connection(connection)
                        .clock(emulator::now)
                        .build(),
                emulator::advance);
    }

    static void cluster(EcsClient ecs) {
        ecs.createCluster(r -> r.clusterName(CLUSTER));
    }

    static String taskDefinition(EcsClient ecs, ContainerDefinition... containers) {
        return ecs.registerTaskDefinition(r -> r.family(FAMILY).containerDefinitions(containers))
                .taskDefinition()
                .taskDefinitionArn();
    }

    static ContainerDefinition app() {
        return container("app", IMAGE, true);
    }

    static ContainerDefinition container(String name, String image, boolean essential) {
        return ContainerDefinition.builder()
                .name(name)
                .image(image)
                .essential(essential)
                .memory(512)
                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                        .options(Map.of(
                                "awslogs-group", LOG_GROUP,
                                "awslogs-region", "us-east-1",
                                "awslogs-stream-prefix", "ecs",
                                "awslogs-create-group", "true")))
                .build();
    }

    static Workload workload(Duration run, int exitCode, List<String> lines) {
        return Workload.DEFAULT
                .withStartup(Duration.ofSeconds(3))
                .withRun(run)
                .withExitCode(exitCode)
                .withLogLines(lines);
    }

    static List<String> numbered(String prefix, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(prefix + " " + i);
        }
        return lines;
    }

    static TaskRunRequest.Builder request() {
        return TaskRunRequest.builder().cluster(CLUSTER).taskDefinition(FAMILY);
    }

    static <T> T roundTrip(T value) {
        return deserialize(serialize(value));
    }

    static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T> T deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps every event; the log lines and warnings are read from it. */
    static final class Recorder implements ProgressListener {
        final List<ProgressEvent> events = new ArrayList<>();

        @Override
        public synchronized void onEvent(ProgressEvent event) {
            events.add(event);
        }

        synchronized List<String> lines() {
            return events.stream()
                    .filter(EventKinds::isLogLine)
                    .map(ProgressEvent::message)
                    .toList();
        }

        synchronized List<String> messages(String kind) {
            return events.stream()
                    .filter(e -> e.kind().equals(kind))
                    .map(ProgressEvent::message)
                    .toList();
        }
    }
}
