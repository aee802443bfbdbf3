package io.jenkins.plugins.ecsdeploy.steps;

import static io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStepTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.TestBodyInvoker;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;

/** {@code ecsDeployCanary(strategy: 'codeDeploy')} on a CODE_DEPLOY service, with the emulated CodeDeploy. */
class EcsDeployCanaryCodeDeployTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(50);

    private static final String CLUSTER = "cd";
    private static final String PROD = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/prod";
    private static final String TEST = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/test";

    private EmulatorServices services;
    private CodeDeployClient codeDeploy;

    @BeforeEach
    void prepare() {
        services = EmulatorServices.install(AWS.emulator(), 2);
        codeDeploy = AWS.clients().configure(CodeDeployClient.builder()).build();
        AWS.ecs().createCluster(r -> r.clusterName(CLUSTER));
    }

    @AfterEach
    void close() {
        codeDeploy.close();
        services.close();
    }

    private static EcsDeployCanaryStep step(String service) {
        EcsDeployCanaryStep step = new EcsDeployCanaryStep(service);
        step.setCluster(CLUSTER);
        step.setStrategy("codeDeploy");
        step.setDeploymentConfigName("CodeDeployDefault.ECSCanary10Percent5Minutes");
        step.setImage("registry.example.com/" + service + ":2");
        return step;
    }

    @Test
    void shouldDeployThroughCodeDeployAndContinueAtTheReadyWaitWhenTheBodySucceeds() throws Exception {
        String previous = codeDeployService("cd-ok");
        TestBodyInvoker body = TestBodyInvoker.succeeding();
        TestStepContext context = new TestStepContext().withBody(body);

        step("cd-ok").start(context).start();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "SUCCESSFUL");
        assertThat((String) result.get("deploymentId")).startsWith("d-");
        assertThat(result).containsEntry("previousTaskDefinitionArn", previous);
        assertThat(body.runs()).isEqualTo(1);
        assertThat(deployments("cd-ok")).containsExactly((String) result.get("deploymentId"));
        assertThat(calls("ContinueDeployment")).isPositive();
        assertThat(context.log()).contains("READY_WAIT").contains("the body succeeded: continuing");
        assertThat(primaryTaskDefinition("cd-ok")).isEqualTo(result.get("taskDefinitionArn"));
    }

    @Test
    void shouldRollBackThroughCodeDeployAndFailWhenTheBodyFails() throws Exception {
        String previous = codeDeployService("cd-bad");
        TestBodyInvoker body = TestBodyInvoker.failing("smoke test: 500 on /health");
        TestStepContext context = new TestStepContext().withBody(body);

        step("cd-bad").start(context).start();

        assertThat(context.awaitFailure(WAIT)).hasMessageContaining("ROLLED_BACK");
        assertThat(body.runs()).isEqualTo(1);
        assertThat(calls("StopDeployment")).isPositive();
        assertThat(context.log()).contains("smoke test: 500 on /health").contains("rolling the deployment back");
        assertThat(primaryTaskDefinition("cd-bad")).isEqualTo(previous);
    }

    @Test
    void shouldOfferTheReadyWaitOnTheBuildPageWithoutABodyAndRollBackOnRequest() throws Exception {
        String previous = codeDeployService("cd-page");
        List<Action> actions = new CopyOnWriteArrayList<>();
        TestStepContext context = new TestStepContext().put(Run.class, EcsDeployCanaryStepTest.runCollecting(actions));

        step("cd-page").start(context).start();
        EcsDeployCanaryStepTest.awaitAction(actions);
        CanaryDecisionAction action = (CanaryDecisionAction) actions.get(0);
        action.usePermission(run -> {});
        action.onAttached(null);
        action.doRollback();

        assertThat(context.awaitFailure(WAIT)).hasMessageContaining("ROLLED_BACK");
        assertThat(action.getDecision()).isEqualTo("ROLLBACK");
        assertThat(deployments("cd-page"))
                .as("ours and CodeDeploy's rollback deployment")
                .hasSize(2);
        assertThat(primaryTaskDefinition("cd-page")).isEqualTo(previous);
    }

    @Test
    void shouldPlanThroughCodeDeployAndChangeNothingInADryRun() throws Exception {
        String previous = codeDeployService("cd-dry");
        EcsDeployCanaryStep step = step("cd-dry");
        step.setDryRun(true);
        TestStepContext context = new TestStepContext();

        step.start(context).start();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "DRY_RUN").containsEntry("currentTaskDefinitionArn", previous);
        assertThat(context.log()).contains("dry run, nothing is changed");
        assertThat(deployments("cd-dry")).isEmpty();
        assertThat(primaryTaskDefinition("cd-dry")).isEqualTo(previous);
    }

    @Test
    void shouldRefuseTheNativeStrategiesFieldsUnderCodeDeploy() throws Exception {
        codeDeployService("cd-mixed");
        EcsDeployCanaryStep step = step("cd-mixed");
        step.setCanaryPercent(10.0);
        TestStepContext context = new TestStepContext().withBody(TestBodyInvoker.succeeding());

        step.start(context).start();

        assertThat(context.awaitFailure(WAIT))
                .hasMessage("canaryPercent apply to canary, linear and blueGreen, not to strategy: 'codeDeploy'");
        assertThat(deployments("cd-mixed")).isEmpty();
    }

    @Test
    void shouldRefuseCodeDeployFieldsAndPointAtCodeDeployForTheNativeStrategies() throws Exception {
        codeDeployService("cd-native");
        EcsDeployCanaryStep withConfig = step("cd-native");
        withConfig.setStrategy("canary");
        TestStepContext first = new TestStepContext().withBody(TestBodyInvoker.succeeding());
        EcsDeployCanaryStep plain = new EcsDeployCanaryStep("cd-native");
        plain.setCluster(CLUSTER);
        plain.setImage("registry.example.com/cd-native:2");
        TestStepContext second = new TestStepContext().withBody(TestBodyInvoker.succeeding());

        withConfig.start(first).start();
        plain.start(second).start();

        assertThat(first.awaitFailure(WAIT)).hasMessage("deploymentConfigName apply to strategy: 'codeDeploy' only");
        assertThat(second.awaitFailure(WAIT))
                .hasMessageContaining("CODE_DEPLOY deployment controller")
                .hasMessageEndingWith("In a Pipeline: ecsDeployCanary(strategy: 'codeDeploy', ...)");
    }

    @Test
    void shouldRefuseAHookWithoutAFunction() throws Exception {
        codeDeployService("cd-hook");
        EcsDeployCanaryStep step = step("cd-hook");
        step.setHooks("AfterAllowTestTraffic");
        TestStepContext context = new TestStepContext().withBody(TestBodyInvoker.succeeding());

        step.start(context).start();

        assertThat(context.awaitFailure(WAIT)).hasMessageContaining("hooks: expected Event=function");
        assertThat(deployments("cd-hook")).isEmpty();
    }

    private long calls(String operation) {
        return AWS.emulator().callLog().countSucceeded("codedeploy", operation);
    }

    /** The deployments CodeDeploy has for the service's deployment group, whatever their state. */
    private List<String> deployments(String service) {
        return codeDeploy
                .listDeployments(r -> r.applicationName(service + "-app").deploymentGroupName(service + "-dg"))
                .deployments();
    }

    private String primaryTaskDefinition(String service) {
        return AWS.ecs()
                .describeServices(r -> r.cluster(CLUSTER).services(service))
                .services()
                .get(0)
                .taskDefinition();
    }

    /** A CODE_DEPLOY service behind two target groups, its application and a group with a 30-minute ready wait. */
    private String codeDeployService(String service) {
        String v1 = AWS.ecs()
                .registerTaskDefinition(r -> r.family(service)
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("web")
                                .image("registry.example.com/" + service + ":1")
                                .essential(true)
                                .portMappings(p -> p.containerPort(8080))
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();
        AWS.ecs()
                .createService(r -> r.cluster(CLUSTER)
                        .serviceName(service)
                        .taskDefinition(v1)
                        .desiredCount(2)
                        .launchType("FARGATE")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")))
                        .deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY))
                        .loadBalancers(lb -> lb.targetGroupArn(
                                        "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/" + service
                                                + "-blue/1")
                                .containerName("web")
                                .containerPort(8080)));
        codeDeploy.createApplication(r -> r.applicationName(service + "-app").computePlatform(ComputePlatform.ECS));
        codeDeploy.createDeploymentGroup(r -> r.applicationName(service + "-app")
                .deploymentGroupName(service + "-dg")
                .serviceRoleArn("arn:aws:iam::123456789012:role/codedeploy")
                .ecsServices(s -> s.clusterName(CLUSTER).serviceName(service))
                .deploymentStyle(s -> s.deploymentType("BLUE_GREEN").deploymentOption("WITH_TRAFFIC_CONTROL"))
                .loadBalancerInfo(lb -> lb.targetGroupPairInfoList(
                        p -> p.targetGroups(t -> t.name(service + "-blue"), t -> t.name(service + "-green"))
                                .prodTrafficRoute(t -> t.listenerArns(PROD.replace("web", service)))
                                .testTrafficRoute(t -> t.listenerArns(TEST.replace("web", service)))))
                .blueGreenDeploymentConfiguration(b -> b.terminateBlueInstancesOnDeploymentSuccess(
                                t -> t.action("TERMINATE").terminationWaitTimeInMinutes(1))
                        .deploymentReadyOption(o -> o.actionOnTimeout(DeploymentReadyAction.STOP_DEPLOYMENT)
                                .waitTimeInMinutes(30)))
                .autoRollbackConfiguration(
                        a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST")));
        return v1;
    }
}
