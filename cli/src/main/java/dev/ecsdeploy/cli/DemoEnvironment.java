package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.spec.TaskDefinitionSpec;
import dev.ecsdeploy.emulator.Emulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The infrastructure the demo deploys into, as Terraform or CloudFormation would create it: a cluster, and two
 * services (dev with a rolling update and the circuit breaker, prod behind a load balancer for canary deployments)
 * running the previous release. Created through the SDK against the embedded emulator; the demo's own steps then
 * use the ecsdeploy commands.
 */
final class DemoEnvironment implements AutoCloseable {
    static final String CLUSTER = "demo";
    static final String REPOSITORY = "hello";
    static final String CONTAINER = "hello";
    static final String DEV_SERVICE = "hello-dev";
    static final String PROD_SERVICE = "hello-prod";
    static final String PREVIOUS_TAG = "0.9.0";
    private static final String SUBNET = "subnet-0demo0000000000a";
    private static final String ELB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:";

    private final Emulator emulator;
    private final AwsClients clients = AwsClients.create(UrlConnectionHttpClient.builder());
    private final EcsClient ecs;
    private final TimeSource time;

    DemoEnvironment(Emulator emulator) {
        this.emulator = emulator;
        AwsConnection connection = AwsConnection.of(Region.of(emulator.region()), CliSession.emulatorCredentials())
                .withEndpointOverride(emulator.endpoint());
        this.ecs = clients.ecs(connection);
        this.time = TimeSource.running(emulator.now(), emulator.clock().speed());
    }

    String registryHost() {
        return emulator.registryHost();
    }

    /** Creates the cluster and both services running the previous release, and waits until they are steady. */
    void create(Path taskDefinitionFile) {
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        String previousDigest = emulator.ecr()
                .putSyntheticImage(
                        REPOSITORY,
                        PREVIOUS_TAG,
                        Map.of(
                                "dev.ecsdeploy.emulator.startup-seconds",
                                "20",
                                "org.opencontainers.image.version",
                                PREVIOUS_TAG));
        String image = registryHost() + "/" + REPOSITORY + "@" + previousDigest;
        String taskDefinition = registerTaskDefinition(taskDefinitionFile, image);
        ecs.createService(service(DEV_SERVICE, taskDefinition)
                .deploymentConfiguration(c -> c.minimumHealthyPercent(100)
                        .maximumPercent(200)
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true)))
                .build());
        ecs.createService(service(PROD_SERVICE, taskDefinition)
                .loadBalancers(lb -> lb.targetGroupArn(ELB + "targetgroup/hello-blue/1")
                        .containerName(CONTAINER)
                        .containerPort(8080)
                        .advancedConfiguration(a -> a.alternateTargetGroupArn(ELB + "targetgroup/hello-green/2")
                                .productionListenerRule(ELB + "listener-rule/app/hello/1/2/3")
                                .testListenerRule(ELB + "listener-rule/app/hello/1/2/4")
                                .roleArn("arn:aws:iam::123456789012:role/ecsInfrastructure")))
                .deploymentConfiguration(c -> c.minimumHealthyPercent(100).maximumPercent(200))
                .build());
        awaitSteady(DEV_SERVICE);
        awaitSteady(PROD_SERVICE);
    }

    /** The pause gate's check: how many tasks run {@code digest} in the service and are healthy or starting. */
    long runningTasksWith(String service, String digest) {
        var arns = ecs.listTasks(r -> r.cluster(CLUSTER).serviceName(service)).taskArns();
        if (arns.isEmpty()) {
            return 0;
        }
        return ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(arns)).tasks().stream()
                .filter(task -> "RUNNING".equals(task.lastStatus()))
                .filter(task -> runs(task, digest))
                .count();
    }

    private static boolean runs(Task task, String digest) {
        return task.containers().stream()
                .anyMatch(c -> c.image() != null && c.image().contains(digest));
    }

    private String registerTaskDefinition(Path file, String image) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.badInput("demo task definition unreadable: " + file + ": " + e.getMessage(), null);
        }
        var values = Map.of("IMAGE", image, "REGION", emulator.region());
        return ecs.registerTaskDefinition(
                        TaskDefinitionSpec.fromJson(json, values).request())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private static CreateServiceRequest.Builder service(String name, String taskDefinition) {
        return CreateServiceRequest.builder()
                .cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition(taskDefinition)
                .desiredCount(2)
                .launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET)));
    }

    private void awaitSteady(String name) {
        for (int i = 0; i < 500; i++) {
            Service service = ecs.describeServices(r -> r.cluster(CLUSTER).services(name))
                    .services()
                    .get(0);
            if (service.deployments().size() == 1
                    && "COMPLETED".equals(service.deployments().get(0).rolloutStateAsString())) {
                return;
            }
            time.sleepUninterruptibly(Duration.ofSeconds(5));
        }
        throw new CliFailure(
                ExitCode.AWS_OR_TOOL_ERROR, "demo set-up failed: service " + name + " never became steady", null);
    }

    @Override
    public void close() {
        clients.close();
    }
}
