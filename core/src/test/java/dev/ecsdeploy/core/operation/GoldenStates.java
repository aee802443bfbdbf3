package dev.ecsdeploy.core.operation;

import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.clock.SimulatedClock;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Workload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookTargetType;
import software.amazon.awssdk.services.ecs.model.LogDriver;

/**
 * The emulator states the golden serialized handles were captured in, rebuilt from plain SDK calls so that they do
 * not depend on the engines under test. An emulator with a fixed clock origin and seed hands out the same ids for the
 * same sequence of mutations, so a replayed state holds exactly the ARNs and deployment ids the golden handles name.
 *
 * <p>Each scenario has a base ({@code *Base}: what existed before the engine ran) and the mutations the engine made
 * before the handle was captured ({@code replay*}); the capture time is in the scenario's properties file.
 */
final class GoldenStates {
    static final Instant ORIGIN = Instant.parse("2026-01-05T09:00:00Z");
    static final long SEED = 42;

    static final String DEPLOY_CLUSTER = "main";
    static final String HEALTHY = "registry.example.com/web:1";
    static final String HEALTHY_V2 = "registry.example.com/web:2";
    static final String PAUSE_STAGE = "POST_TEST_TRAFFIC_SHIFT";

    static final String TASK_CLUSTER = "jobs";
    static final String TASK_FAMILY = "job";
    static final String TASK_IMAGE = "registry.example.com/job:1";
    static final List<String> TASK_LINES = List.of("migrating 1", "migrating 2", "migrating 3", "done");

    static final String SCAN_REPOSITORY = "scanned";

    private static final String LB_PREFIX = "arn:aws:elasticloadbalancing:us-east-1:123456789012:";

    private GoldenStates() {}

    /** A fresh emulator per test, on a manual clock starting at {@link #ORIGIN}, seeded with {@link #SEED}. */
    static EmulatorExtension emulator() {
        return EmulatorExtension.with(
                Emulator.builder().clock(SimulatedClock.manual(ORIGIN)).seed(SEED));
    }

    // ---- deployments ----

    /** Cluster "main" with service {@code service} (2 healthy tasks of {@code service}:1), settled. */
    static void serviceBase(EmulatorExtension aws, String service, boolean trafficShifting) {
        EcsClient ecs = aws.ecs();
        ecs.createCluster(r -> r.clusterName(DEPLOY_CLUSTER));
        String taskDefinition = registerWeb(ecs, service, HEALTHY);
        ecs.createService(r -> {
            r.cluster(DEPLOY_CLUSTER)
                    .serviceName(service)
                    .taskDefinition(taskDefinition)
                    .desiredCount(2)
                    .launchType("FARGATE")
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")));
            if (trafficShifting) {
                r.loadBalancers(lb -> lb.targetGroupArn(LB_PREFIX + "targetgroup/blue/1")
                                .containerName("web")
                                .containerPort(8080)
                                .advancedConfiguration(a -> a.alternateTargetGroupArn(LB_PREFIX + "targetgroup/green/2")
                                        .productionListenerRule(LB_PREFIX + "listener-rule/app/web/1/2/3")
                                        .testListenerRule(LB_PREFIX + "listener-rule/app/web/1/2/4")
                                        .roleArn("arn:aws:iam::123456789012:role/ecsInfrastructure")))
                        .deploymentConfiguration(
                                c -> c.minimumHealthyPercent(100).maximumPercent(200));
            } else {
                r.deploymentConfiguration(c -> c.minimumHealthyPercent(100)
                        .maximumPercent(200)
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true)));
            }
        });
        settle(aws, service);
    }

    /** What the engine did when it started a rolling deployment of {@link #HEALTHY_V2}. */
    static void replayRollingUpdate(EmulatorExtension aws, String service) {
        String taskDefinition = registerWeb(aws.ecs(), service, HEALTHY_V2);
        aws.ecs()
                .updateService(r -> r.cluster(DEPLOY_CLUSTER)
                        .service(service)
                        .taskDefinition(taskDefinition)
                        .deploymentConfiguration(c -> c.minimumHealthyPercent(100)
                                .maximumPercent(200)
                                .deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
    }

    /** What the engine did when it started a canary (20 %, no bake) pausing at {@link #PAUSE_STAGE}. */
    static void replayCanaryUpdate(EmulatorExtension aws, String service) {
        String taskDefinition = registerWeb(aws.ecs(), service, HEALTHY_V2);
        aws.ecs()
                .updateService(r -> r.cluster(DEPLOY_CLUSTER)
                        .service(service)
                        .taskDefinition(taskDefinition)
                        .deploymentConfiguration(c -> c.minimumHealthyPercent(100)
                                .maximumPercent(200)
                                .strategy("CANARY")
                                .canaryConfiguration(k -> k.canaryPercent(20.0).canaryBakeTimeInMinutes(1))
                                .bakeTimeInMinutes(0)
                                .lifecycleHooks(h -> h.targetType(DeploymentLifecycleHookTargetType.PAUSE)
                                        .lifecycleStagesWithStrings(PAUSE_STAGE))));
    }

    private static String registerWeb(EcsClient ecs, String family, String image) {
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
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();
    }

    private static void settle(EmulatorExtension aws, String service) {
        for (int i = 0; i < 400; i++) {
            var deployments = aws.ecs()
                    .describeServices(r -> r.cluster(DEPLOY_CLUSTER).services(service))
                    .services()
                    .get(0)
                    .deployments();
            if (deployments.size() == 1 && "COMPLETED".equals(deployments.get(0).rolloutStateAsString())) {
                return;
            }
            aws.emulator().advance(Duration.ofSeconds(5));
        }
        throw new IllegalStateException("service " + service + " never settled");
    }

    // ---- task runs ----

    /** Cluster "jobs", task definition job:1 with awslogs, a workload that runs 2 minutes, logs, and exits 0. */
    static void taskBase(EmulatorExtension aws) {
        aws.ecs().createCluster(r -> r.clusterName(TASK_CLUSTER));
        aws.ecs()
                .registerTaskDefinition(r -> r.family(TASK_FAMILY)
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image(TASK_IMAGE)
                                .essential(true)
                                .memory(512)
                                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                                        .options(Map.of(
                                                "awslogs-group", "/ecs/job",
                                                "awslogs-region", "us-east-1",
                                                "awslogs-stream-prefix", "ecs",
                                                "awslogs-create-group", "true")))
                                .build()));
        aws.emulator()
                .ecs()
                .simulate(
                        TASK_IMAGE,
                        Workload.DEFAULT
                                .withStartup(Duration.ofSeconds(3))
                                .withRun(Duration.ofMinutes(2))
                                .withExitCode(0)
                                .withLogLines(TASK_LINES));
    }

    /** What the runner did when it launched the run: RunTask with the token it recorded; returns the task ARN. */
    static String replayRunTask(EmulatorExtension aws, String taskDefinitionArn, String clientToken) {
        return aws.ecs()
                .runTask(r -> r.cluster(TASK_CLUSTER)
                        .taskDefinition(taskDefinitionArn)
                        .count(1)
                        .clientToken(clientToken)
                        .startedBy("ecs-deploy"))
                .tasks()
                .get(0)
                .taskArn();
    }

    // ---- scan waits ----

    /** Repository "scanned" (no scan on push) holding one synthetic image; returns its digest. */
    static String scanBase(EmulatorExtension aws) {
        aws.emulator().ecr().createRepository(SCAN_REPOSITORY);
        aws.emulator().ecr().scanDuration(Duration.ofSeconds(30));
        return aws.emulator().ecr().putSyntheticImage(SCAN_REPOSITORY, "1", Map.of());
    }

    /** What the scan wait did when it started: a basic scan of the image. */
    static void replayStartScan(EmulatorExtension aws, String digest) {
        aws.ecr().startImageScan(r -> r.repositoryName(SCAN_REPOSITORY).imageId(i -> i.imageDigest(digest)));
    }

    static AwsConnection connection(Emulator emulator) {
        return AwsConnection.of(
                        Region.of(emulator.region()),
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(Emulator.ACCESS_KEY_ID, Emulator.SECRET_ACCESS_KEY)))
                .withEndpointOverride(emulator.endpoint());
    }

    // ---- files ----

    static Path resourceDirectory(String pkg) {
        return Path.of("src/test/resources/dev/ecsdeploy/core", pkg, "serial-form");
    }

    static void write(String pkg, String name, Object handle, Properties state) {
        try {
            Path directory = resourceDirectory(pkg);
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + ".ser"), serialize(handle));
            try (OutputStream out = Files.newOutputStream(directory.resolve(name + ".properties"))) {
                state.store(out, "emulator state the golden handle " + name + ".ser needs; see GoldenStates");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties state(String pkg, String name) {
        Properties state = new Properties();
        try (InputStream in = resource(pkg, name + ".properties")) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    static <T> T read(String pkg, String name) {
        try (ObjectInputStream in = new ObjectInputStream(resource(pkg, name + ".ser"))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a golden handle names a class that no longer exists", e);
        }
    }

    private static InputStream resource(String pkg, String file) {
        String path = "/dev/ecsdeploy/core/" + pkg + "/serial-form/" + file;
        InputStream in = GoldenStates.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing golden file " + path);
        }
        return in;
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

    /** Advances the emulated clock to {@code at} (the capture time of a golden handle). */
    static void advanceTo(EmulatorExtension aws, Instant at) {
        Duration gap = Duration.between(aws.emulator().now(), at);
        if (gap.isNegative()) {
            throw new IllegalStateException("the replayed state is already past the capture time " + at);
        }
        aws.emulator().advance(gap);
    }
}
