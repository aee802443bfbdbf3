package dev.ecsdeploy.core.deploy.codedeploy;

import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.operation.Sleeper;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;

/**
 * A CODE_DEPLOY service behind two target groups on the emulator, its CodeDeploy application and deployment group,
 * an engine on the emulator's clock and a sleeper that moves that clock.
 */
final class CodeDeployFixture implements AutoCloseable {
    static final String CLUSTER = "cd";
    static final String SERVICE = "web";
    static final String APPLICATION = "web-app";
    static final String GROUP = "web-dg";
    static final String PROD = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/prod";
    static final String TEST = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/test";
    static final String V1 = "registry.example.com/web:1";
    static final String V2 = "registry.example.com/web:2";

    private final EmulatorExtension aws;
    private final CodeDeployClient codeDeploy;

    CodeDeployFixture(EmulatorExtension aws) {
        this.aws = aws;
        this.codeDeploy = aws.clients().configure(CodeDeployClient.builder()).build();
    }

    Emulator emulator() {
        return aws.emulator();
    }

    EcsClient ecs() {
        return aws.ecs();
    }

    CodeDeployClient codeDeploy() {
        return codeDeploy;
    }

    /** The service and its deployment group; {@code readyWaitMinutes} > 0 adds a STOP_DEPLOYMENT ready wait. */
    void prepare(int readyWaitMinutes) {
        ecs().createCluster(r -> r.clusterName(CLUSTER));
        String v1 = ecs().registerTaskDefinition(r -> r.family(SERVICE)
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("web")
                                .image(V1)
                                .essential(true)
                                .portMappings(p -> p.containerPort(8080))
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();
        ecs().createService(r -> r.cluster(CLUSTER)
                .serviceName(SERVICE)
                .taskDefinition(v1)
                .desiredCount(2)
                .launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")))
                .deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY))
                .loadBalancers(lb -> lb.targetGroupArn(
                                "arn:aws:elasticloadbalancing:us-east-1:123456789012:" + "targetgroup/blue/1")
                        .containerName("web")
                        .containerPort(8080)));
        codeDeploy.createApplication(r -> r.applicationName(APPLICATION).computePlatform(ComputePlatform.ECS));
        codeDeploy.createDeploymentGroup(r -> r.applicationName(APPLICATION)
                .deploymentGroupName(GROUP)
                .serviceRoleArn("arn:aws:iam::123456789012:role/codedeploy")
                .ecsServices(s -> s.clusterName(CLUSTER).serviceName(SERVICE))
                .deploymentStyle(s -> s.deploymentType("BLUE_GREEN").deploymentOption("WITH_TRAFFIC_CONTROL"))
                .loadBalancerInfo(lb ->
                        lb.targetGroupPairInfoList(p -> p.targetGroups(t -> t.name("blue"), t -> t.name("green"))
                                .prodTrafficRoute(t -> t.listenerArns(PROD))
                                .testTrafficRoute(t -> t.listenerArns(TEST))))
                .blueGreenDeploymentConfiguration(b -> b.terminateBlueInstancesOnDeploymentSuccess(
                                t -> t.action("TERMINATE").terminationWaitTimeInMinutes(1))
                        .deploymentReadyOption(o -> o.actionOnTimeout(
                                        readyWaitMinutes > 0
                                                ? DeploymentReadyAction.STOP_DEPLOYMENT
                                                : DeploymentReadyAction.CONTINUE_DEPLOYMENT)
                                .waitTimeInMinutes(readyWaitMinutes)))
                .autoRollbackConfiguration(
                        a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST")));
    }

    CodeDeployDeployments engine() {
        return CodeDeployDeployments.builder()
                .ecs(aws.ecs())
                .ecr(aws.ecr())
                .codeDeploy(codeDeploy)
                .clock(clock())
                .build();
    }

    static DeploymentRequest.Builder deployment(String image) {
        return DeploymentRequest.builder()
                .cluster(CLUSTER)
                .service(SERVICE)
                .source(TaskDefinitionSource.currentWithImage(image));
    }

    Clock clock() {
        Emulator emulator = emulator();
        return new Clock() {
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
        };
    }

    /** Moves the emulated clock instead of sleeping. */
    Sleeper sleeper() {
        return duration -> emulator().advance(duration);
    }

    long calls(String operation) {
        return emulator().callLog().countSucceeded("codedeploy", operation);
    }

    String productionOn() {
        return emulator().codeDeploy().listenerWeights(PROD).entrySet().stream()
                .filter(e -> e.getValue() == 100)
                .map(java.util.Map.Entry::getKey)
                .findFirst()
                .orElse("split");
    }

    @Override
    public void close() {
        codeDeploy.close();
    }
}
