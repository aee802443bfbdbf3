package io.jenkins.plugins.ecsdeploy.testing;

import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.workload.Health;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.Service;

/** Services and task definitions on an emulator whose clock runs by itself. */
public final class EcsWorld {
    public static final String CLUSTER = "main";
    public static final String HEALTHY = "registry.example.com/web:1";
    public static final String HEALTHY_V2 = "registry.example.com/web:2";
    public static final String CRASHING = "registry.example.com/web:crash";
    public static final String SLOW = "registry.example.com/web:slow";
    public static final String JOB = "registry.example.com/job:1";
    public static final String FAILING_JOB = "registry.example.com/job:fails";
    public static final String LONG_JOB = "registry.example.com/job:long";
    private static final String ELB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:";

    private final Emulator emulator;
    private final EcsClient ecs;

    public EcsWorld(Emulator emulator, EcsClient ecs) {
        this.emulator = emulator;
        this.ecs = ecs;
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        emulator.ecs().simulate(CRASHING, Workload.DEFAULT.withHealth(Health.CRASH));
        emulator.ecs().simulate(SLOW, Workload.DEFAULT.withStartup(Duration.ofMinutes(30)));
        emulator.ecs()
                .simulate(
                        JOB,
                        Workload.DEFAULT
                                .withRun(Duration.ofSeconds(20))
                                .withLogLines(java.util.List.of("migrating", "done")));
        emulator.ecs()
                .simulate(
                        FAILING_JOB,
                        Workload.DEFAULT
                                .withRun(Duration.ofSeconds(10))
                                .withExitCode(3)
                                .withLogLines(java.util.List.of("boom")));
        emulator.ecs().simulate(LONG_JOB, Workload.DEFAULT.withRun(Duration.ofHours(2)));
    }

    public Emulator emulator() {
        return emulator;
    }

    public EcsClient ecs() {
        return ecs;
    }

    public String registerTaskDefinition(String family, String image) {
        return ecs.registerTaskDefinition(r -> r.family(family)
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("web")
                                .image(image)
                                .essential(true)
                                .portMappings(p -> p.containerPort(8080))
                                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                                        .options(Map.of(
                                                "awslogs-group", "/ecs/" + family,
                                                "awslogs-region", "us-east-1",
                                                "awslogs-stream-prefix", "ecs")))
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();
    }

    /** A settled rolling service of {@code desired} healthy tasks with the circuit breaker on. */
    public String service(String name, int desired) {
        String taskDefinition = createService(name, desired);
        settle(name);
        return taskDefinition;
    }

    /** Creates the service of {@link #service} without waiting for it to settle. */
    public String createService(String name, int desired) {
        String taskDefinition = registerTaskDefinition(name, HEALTHY);
        ecs.createService(r -> r.cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition(taskDefinition)
                .desiredCount(desired)
                .launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")))
                .deploymentConfiguration(c -> c.minimumHealthyPercent(100)
                        .maximumPercent(200)
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        return taskDefinition;
    }

    /** A settled service behind a load balancer, ready for canary, linear and blue/green. */
    public String trafficShiftingService(String name, int desired) {
        String taskDefinition = registerTaskDefinition(name, HEALTHY);
        ecs.createService(r -> r.cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition(taskDefinition)
                .desiredCount(desired)
                .launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")))
                .loadBalancers(lb -> lb.targetGroupArn(ELB + "targetgroup/blue/1")
                        .containerName("web")
                        .containerPort(8080)
                        .advancedConfiguration(a -> a.alternateTargetGroupArn(ELB + "targetgroup/green/2")
                                .productionListenerRule(ELB + "listener-rule/app/web/1/2/3")
                                .testListenerRule(ELB + "listener-rule/app/web/1/2/4")
                                .roleArn("arn:aws:iam::123456789012:role/ecsInfrastructure")))
                .deploymentConfiguration(c -> c.minimumHealthyPercent(100).maximumPercent(200)));
        settle(name);
        return taskDefinition;
    }

    /** Waits (in real time, the emulator's clock running) until the service has one COMPLETED deployment. */
    public Service settle(String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Service service = describe(name);
            if (service.deployments().size() == 1
                    && "COMPLETED".equals(service.deployments().get(0).rolloutStateAsString())) {
                return service;
            }
            sleep(20);
        }
        throw new IllegalStateException("service " + name + " never settled");
    }

    public Service describe(String name) {
        return ecs.describeServices(r -> r.cluster(CLUSTER).services(name))
                .services()
                .get(0);
    }

    public String primaryTaskDefinition(String name) {
        return describe(name).deployments().stream()
                .filter(d -> "PRIMARY".equals(d.status()))
                .map(Deployment::taskDefinition)
                .findFirst()
                .orElseThrow();
    }

    public long calls(String operation) {
        return emulator.callLog().countSucceeded("ecs", operation);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
