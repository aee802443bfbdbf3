package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.core.operation.Sleeper;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorClients;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Health;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

/** A cluster with services on the emulator, an engine on the emulator's clock, and a sleeper that moves that clock. */
final class EcsFixture {
    static final String CLUSTER = "main";
    static final String HEALTHY = "registry.example.com/web:1";
    static final String HEALTHY_V2 = "registry.example.com/web:2";
    static final String CRASHING = "registry.example.com/web:crash";
    static final String UNHEALTHY = "registry.example.com/web:unhealthy";
    static final String SLOW = "registry.example.com/web:slow";

    private final EmulatorExtension aws;
    private EmulatorClients engineClients;

    EcsFixture(EmulatorExtension aws) {
        this.aws = aws;
    }

    /**
     * Clients for the engine: the production retry settings (standard strategy, 8 attempts) with shorter back-off, so
     * that throttled runs stay fast in real time.
     */
    synchronized EmulatorClients engineClients() {
        if (engineClients == null) {
            engineClients = new EmulatorClients(
                    emulator(),
                    o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(8)
                            .backoffStrategy(
                                    BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(50)))
                            .throttlingBackoffStrategy(
                                    BackoffStrategy.exponentialDelay(Duration.ofMillis(10), Duration.ofMillis(100)))
                            .build()));
        }
        return engineClients;
    }

    void close() {
        if (engineClients != null) {
            engineClients.close();
            engineClients = null;
        }
    }

    Emulator emulator() {
        return aws.emulator();
    }

    EcsClient ecs() {
        return aws.ecs();
    }

    EcrClient ecr() {
        return aws.ecr();
    }

    /** Creates the cluster (idempotent in ECS) and teaches the emulator how each test image behaves. */
    void prepare() {
        ecs().createCluster(r -> r.clusterName(CLUSTER));
        emulator().ecs().simulate(CRASHING, Workload.DEFAULT.withHealth(Health.CRASH));
        emulator().ecs().simulate(UNHEALTHY, Workload.DEFAULT.withHealth(Health.UNHEALTHY));
        emulator().ecs().simulate(SLOW, Workload.DEFAULT.withStartup(Duration.ofMinutes(20)));
    }

    DeploymentEngine engine() {
        return DeploymentEngine.builder()
                .ecs(engineClients().ecs())
                .ecr(engineClients().ecr())
                .clock(clock())
                .build();
    }

    Clock clock() {
        return new EmulatorClock(emulator());
    }

    /** Moves the emulated clock instead of sleeping. */
    Sleeper sleeper() {
        return duration -> emulator().advance(duration);
    }

    String registerTaskDefinition(String family, String image) {
        return ecs().registerTaskDefinition(r -> r.family(family)
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("web")
                                .image(image)
                                .essential(true)
                                .portMappings(p -> p.containerPort(8080))
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();
    }

    /** A service of {@code desired} healthy tasks with the circuit breaker on, settled (one COMPLETED deployment). */
    Service service(String name, int desired) {
        return service(name, desired, builder -> {});
    }

    Service service(String name, int desired, Consumer<CreateServiceRequest.Builder> customizer) {
        String taskDefinition = registerTaskDefinition(name, HEALTHY);
        CreateServiceRequest.Builder request = CreateServiceRequest.builder()
                .cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition(taskDefinition)
                .desiredCount(desired)
                .launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")))
                .deploymentConfiguration(c -> c.minimumHealthyPercent(100)
                        .maximumPercent(200)
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true)));
        customizer.accept(request);
        ecs().createService(request.build());
        return settle(name);
    }

    /** A service behind a load balancer with advancedConfiguration, ready for CANARY, LINEAR and BLUE_GREEN. */
    Service serviceWithTrafficShifting(String name, int desired) {
        String prefix = "arn:aws:elasticloadbalancing:us-east-1:123456789012:";
        return service(
                name,
                desired,
                b -> b.loadBalancers(lb -> lb.targetGroupArn(prefix + "targetgroup/blue/1")
                                .containerName("web")
                                .containerPort(8080)
                                .advancedConfiguration(a -> a.alternateTargetGroupArn(prefix + "targetgroup/green/2")
                                        .productionListenerRule(prefix + "listener-rule/app/web/1/2/3")
                                        .testListenerRule(prefix + "listener-rule/app/web/1/2/4")
                                        .roleArn("arn:aws:iam::123456789012:role/ecsInfrastructure")))
                        .deploymentConfiguration(
                                c -> c.minimumHealthyPercent(100).maximumPercent(200)));
    }

    /** Advances the clock until the service has a single COMPLETED deployment. */
    Service settle(String name) {
        for (int i = 0; i < 400; i++) {
            Service service = describe(name);
            if (service.deployments().size() == 1
                    && settled(service.deployments().get(0))) {
                return service;
            }
            emulator().advance(Duration.ofSeconds(5));
        }
        throw new IllegalStateException("service " + name + " never settled");
    }

    /** COMPLETED, or, where ECS sets no rolloutState (CODE_DEPLOY, EXTERNAL), running its desired count. */
    private static boolean settled(Deployment deployment) {
        String state = deployment.rolloutStateAsString();
        return state == null ? deployment.runningCount().equals(deployment.desiredCount()) : "COMPLETED".equals(state);
    }

    Service describe(String name) {
        return ecs().describeServices(r -> r.cluster(CLUSTER).services(name))
                .services()
                .get(0);
    }

    Deployment primary(String name) {
        return describe(name).deployments().stream()
                .filter(d -> "PRIMARY".equals(d.status()))
                .findFirst()
                .orElseThrow();
    }

    long calls(String operation) {
        return emulator().callLog().countSucceeded("ecs", operation);
    }

    /** A java.time clock that reads the emulator's simulated clock. */
    static final class EmulatorClock extends Clock {
        private final Emulator emulator;

        EmulatorClock(Emulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return emulator.now();
        }
    }
}
