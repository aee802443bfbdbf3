package dev.ecsdeploy.cli;

import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.inspect.CallRecord;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Health;
import dev.ecsdeploy.emulator.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * A cluster with services on an in-process emulator and a way to run {@code ecsdeploy} against it. The emulator's
 * clock is manual; the CLI finds that out and advances it by each of its waits.
 */
final class CliFixture {
    static final String CLUSTER = "cli";
    static final String HEALTHY = "registry.example.com/web:1";
    static final String HEALTHY_V2 = "registry.example.com/web:2";
    static final String CRASHING = "registry.example.com/web:crash";
    static final String MIGRATE = "registry.example.com/migrate:1";
    static final String MIGRATE_FAILING = "registry.example.com/migrate:broken";

    private final EmulatorExtension aws;
    private final Path history;

    CliFixture(EmulatorExtension aws, Path history) {
        this.aws = aws;
        this.history = history;
    }

    Emulator emulator() {
        return aws.emulator();
    }

    EcsClient ecs() {
        return aws.ecs();
    }

    void prepare() {
        ecs().createCluster(r -> r.clusterName(CLUSTER));
        // ECS trips the breaker after at least 10 failed tasks; 3 keeps the failing deployments short.
        emulator().ecs().circuitBreakerMinimumThreshold(3);
        emulator().ecs().simulate(CRASHING, Workload.DEFAULT.withHealth(Health.CRASH));
        emulator()
                .ecs()
                .simulate(MIGRATE, Workload.DEFAULT.withLogLines(List.of("migrating schema", "migration done")));
        emulator()
                .ecs()
                .simulate(
                        MIGRATE_FAILING,
                        Workload.DEFAULT.withExitCode(3).withLogLines(List.of("relation users already exists")));
    }

    /** Runs {@code ecsdeploy} with the emulator endpoint and the test's history directory appended. */
    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", emulator().endpoint().toString(), "--history", history.toString()));
        return CliRun.of(all);
    }

    String registerTaskDefinition(String family, String container, String image) {
        return ecs().registerTaskDefinition(r -> r.family(family)
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name(container)
                                .image(image)
                                .essential(true)
                                .logConfiguration(l -> l.logDriver("awslogs")
                                        .options(Map.of(
                                                "awslogs-group", "/ecs/" + family,
                                                "awslogs-region", "us-east-1",
                                                "awslogs-stream-prefix", "ecs",
                                                "awslogs-create-group", "true")))
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();
    }

    /** A settled service of two healthy tasks with the circuit breaker (and its rollback) on. */
    Service service(String name) {
        String taskDefinition = registerTaskDefinition(name, "web", HEALTHY);
        ecs().createService(r -> r.cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition(taskDefinition)
                .desiredCount(2)
                .launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")))
                .deploymentConfiguration(c -> c.minimumHealthyPercent(100)
                        .maximumPercent(200)
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        return settle(name);
    }

    Service settle(String name) {
        for (int i = 0; i < 400; i++) {
            Service service = describe(name);
            if (service.deployments().size() == 1
                    && "COMPLETED".equals(service.deployments().get(0).rolloutStateAsString())) {
                return service;
            }
            emulator().advance(Duration.ofSeconds(5));
        }
        throw new IllegalStateException("service " + name + " never settled");
    }

    Service describe(String name) {
        return ecs().describeServices(r -> r.cluster(CLUSTER).services(name))
                .services()
                .get(0);
    }

    /** Calls that changed something: everything but Describe*, List*, Get*, BatchGet* and the registry's reads. */
    List<CallRecord> mutations() {
        return emulator().callLog().matching(call -> !isRead(call.operation()));
    }

    private static boolean isRead(String operation) {
        return operation.startsWith("Describe")
                || operation.startsWith("List")
                || operation.startsWith("Get")
                || operation.startsWith("BatchGet")
                || operation.startsWith("BatchCheck");
    }
}
