package dev.ecsdeploy.emulator.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.testing.ContainerTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;

/**
 * The AWS CLI (botocore, a second implementation of the wire protocol) drives the emulated CodeDeploy. Skips visibly
 * when {@code aws} is missing, and fails instead under {@code REQUIRE_CONTAINER_TOOLS=1} (CI).
 */
class AwsCliCodeDeployTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @Test
    void shouldCreateAndFollowAnEcsDeploymentThroughTheAwsCli() throws Exception {
        ContainerTools.assumeAvailable("aws");
        Emulator emulator = aws.emulator();
        EcsClient ecs = aws.ecs();
        ecs.createCluster(r -> r.clusterName("c"));
        String v1 = register(ecs, "web:1");
        String v2 = register(ecs, "web:2");
        ecs.createService(r -> r.cluster("c")
                .serviceName("web")
                .taskDefinition(v1)
                .desiredCount(1)
                .deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY)));

        JsonNode application =
                cli("deploy", "create-application", "--application-name", "cli-app", "--compute-platform", "ECS");
        assertThat(application.path("applicationId").asText()).isNotBlank();
        JsonNode group = cli(
                "deploy",
                "create-deployment-group",
                "--application-name",
                "cli-app",
                "--deployment-group-name",
                "cli-dg",
                "--service-role-arn",
                "arn:aws:iam::123456789012:role/codedeploy",
                "--deployment-config-name",
                "CodeDeployDefault.ECSAllAtOnce",
                "--ecs-services",
                "serviceName=web,clusterName=c",
                "--deployment-style",
                "deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL",
                "--load-balancer-info",
                "{\"targetGroupPairInfoList\":[{\"targetGroups\":[{\"name\":\"blue\"},"
                        + "{\"name\":\"green\"}],\"prodTrafficRoute\":{\"listenerArns\":[\"arn:listener/prod\"]}}]}",
                "--blue-green-deployment-configuration",
                "{\"terminateBlueInstancesOnDeploymentSuccess\":"
                        + "{\"action\":\"TERMINATE\",\"terminationWaitTimeInMinutes\":0},\"deploymentReadyOption\":"
                        + "{\"actionOnTimeout\":\"CONTINUE_DEPLOYMENT\",\"waitTimeInMinutes\":0}}");
        assertThat(group.path("deploymentGroupId").asText()).isNotBlank();
        String appSpec = CodeDeployBlueGreenTest.appSpecYaml(v2, "");
        String revision = JSON.createObjectNode()
                .put("revisionType", "AppSpecContent")
                .set("appSpecContent", JSON.createObjectNode().put("content", appSpec))
                .toString();
        String id = cli(
                        "deploy",
                        "create-deployment",
                        "--application-name",
                        "cli-app",
                        "--deployment-group-name",
                        "cli-dg",
                        "--revision",
                        revision)
                .path("deploymentId")
                .asText();
        assertThat(id).startsWith("d-");

        emulator.advance(Duration.ofMinutes(2));
        JsonNode info = cli("deploy", "get-deployment", "--deployment-id", id).path("deploymentInfo");
        assertThat(info.path("status").asText()).isEqualTo("Succeeded");
        assertThat(info.path("computePlatform").asText()).isEqualTo("ECS");
        assertThat(info.path("revision").path("appSpecContent").path("sha256").asText())
                .hasSize(64);
        assertThat(emulator.callLog().count("codedeploy", "CreateDeployment")).isEqualTo(1);
    }

    private static String register(EcsClient ecs, String image) {
        return ecs.registerTaskDefinition(r -> r.family("web")
                        .containerDefinitions(c -> c.name("app").image(image).essential(true)))
                .taskDefinition()
                .taskDefinitionArn();
    }

    private JsonNode cli(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "aws",
                "--endpoint-url",
                aws.emulator().endpoint().toString(),
                "--region",
                "us-east-1",
                "--output",
                "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The emulator's fixed test credentials (not a secret), and no user configuration or pager.
        builder.environment()
                .putAll(Map.of(
                        "AWS_ACCESS_KEY_ID", Emulator.ACCESS_KEY_ID,
                        "AWS_SECRET_ACCESS_KEY", Emulator.SECRET_ACCESS_KEY,
                        "AWS_CONFIG_FILE", "/dev/null",
                        "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
                        "AWS_PAGER", ""));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("aws %s failed:%n%s", String.join(" ", arguments), output)
                .isZero();
        return JSON.readTree(output);
    }
}
