package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;

/** {@code ecsdeploy deploy --strategy codedeploy} deploys a CODE_DEPLOY service and records it in the history. */
class CodeDeployCommandTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @TempDir
    Path history;

    private CliFixture fixture;
    private CodeDeployClient codeDeploy;

    @BeforeEach
    void prepare() {
        fixture = new CliFixture(aws, history);
        fixture.prepare();
        String v1 = fixture.registerTaskDefinition("web-cd", "web", CliFixture.HEALTHY);
        fixture.ecs()
                .createService(r -> r.cluster(CliFixture.CLUSTER)
                        .serviceName("web-cd")
                        .taskDefinition(v1)
                        .desiredCount(2)
                        .launchType("FARGATE")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")))
                        .deploymentController(c -> c.type("CODE_DEPLOY"))
                        .loadBalancers(lb -> lb.targetGroupArn(
                                        "arn:aws:elasticloadbalancing:us-east-1:123456789012:" + "targetgroup/blue/1")
                                .containerName("web")
                                .containerPort(8080)));
        codeDeploy = aws.clients().configure(CodeDeployClient.builder()).build();
        codeDeploy.createApplication(r -> r.applicationName("web-app").computePlatform(ComputePlatform.ECS));
        codeDeploy.createDeploymentGroup(r -> r.applicationName("web-app")
                .deploymentGroupName("web-dg")
                .serviceRoleArn("arn:aws:iam::123456789012:role/codedeploy")
                .ecsServices(s -> s.clusterName(CliFixture.CLUSTER).serviceName("web-cd"))
                .deploymentStyle(s -> s.deploymentType("BLUE_GREEN").deploymentOption("WITH_TRAFFIC_CONTROL"))
                .loadBalancerInfo(lb ->
                        lb.targetGroupPairInfoList(p -> p.targetGroups(t -> t.name("blue"), t -> t.name("green"))
                                .prodTrafficRoute(t -> t.listenerArns("arn:listener/prod"))))
                .blueGreenDeploymentConfiguration(b -> b.terminateBlueInstancesOnDeploymentSuccess(
                        t -> t.action("TERMINATE").terminationWaitTimeInMinutes(0))));
    }

    @AfterEach
    void close() {
        codeDeploy.close();
    }

    @Test
    void shouldDeployThroughCodeDeployAndRecordItInTheHistory() throws Exception {
        CliRun run = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-cd",
                "--image",
                CliFixture.HEALTHY_V2,
                "--strategy",
                "codedeploy",
                "--deployment-config",
                "CodeDeployDefault.ECSCanary10Percent5Minutes",
                "--environment",
                "prod",
                "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(json.path("strategy").asText()).isEqualTo("CODE_DEPLOY");
        assertThat(json.path("taskDefinitionArn").asText()).endsWith("task-definition/web-cd:2");
        assertThat(run.err()).contains("AllowTraffic Succeeded").contains("Green 10%");
        assertThat(aws.emulator().callLog().countSucceeded("codedeploy", "CreateDeployment"))
                .isEqualTo(1);

        CliRun shown = fixture.run("history", "--json");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        JsonNode prod = shown.json().path("environments").path("prod").get(0);
        assertThat(prod.path("service").asText()).isEqualTo("web-cd");
        assertThat(prod.path("running").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(shown.json().path("timeline").toString()).contains("CODE_DEPLOY");
    }

    @Test
    void shouldShowTheCodeDeployPlanAndChangeNothingOnDryRun() {
        int before = fixture.mutations().size();

        CliRun run = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-cd",
                "--image",
                CliFixture.HEALTHY_V2,
                "--strategy",
                "codedeploy",
                "--hook",
                "AfterAllowTestTraffic=smoke-test",
                "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("CreateDeployment in CodeDeploy web-app/web-dg with CodeDeployDefault.ECSAllAtOnce")
                .contains("container web:8080")
                .contains("AfterAllowTestTraffic=smoke-test");
        assertThat(fixture.mutations()).hasSize(before);
    }
}
