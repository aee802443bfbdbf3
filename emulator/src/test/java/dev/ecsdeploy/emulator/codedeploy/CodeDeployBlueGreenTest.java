package dev.ecsdeploy.emulator.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIsNotInReadyStateException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentWaitType;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.ErrorCode;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentStyleException;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.TaskSet;

class CodeDeployBlueGreenTest {
    static final String PROD = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/prod";
    static final String TEST = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/test";

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private Emulator emulator;
    private EcsClient ecs;
    private CodeDeployClient codeDeploy;
    private String v1;
    private String v2;

    @BeforeEach
    void setUp() {
        emulator = aws.emulator();
        ecs = aws.ecs();
        codeDeploy = aws.clients().configure(CodeDeployClient.builder()).build();
        ecs.createCluster(r -> r.clusterName("c"));
        v1 = register("web:1");
        v2 = register("web:2");
        ecs.createService(r -> r.cluster("c")
                .serviceName("web")
                .taskDefinition(v1)
                .desiredCount(2)
                .launchType(LaunchType.EC2)
                .deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY))
                .loadBalancers(lb ->
                        lb.targetGroupArn("arn:tg/blue").containerName("app").containerPort(80)));
        codeDeploy.createApplication(r -> r.applicationName("app").computePlatform(ComputePlatform.ECS));
    }

    @AfterEach
    void tearDown() {
        codeDeploy.close();
    }

    private String register(String image) {
        return ecs.registerTaskDefinition(r -> r.family("web")
                        .containerDefinitions(c -> c.name("app").image(image).essential(true)))
                .taskDefinition()
                .taskDefinitionArn();
    }

    private void group(String config, DeploymentReadyAction readyAction, int readyWaitMinutes) {
        codeDeploy.createDeploymentGroup(r -> r.applicationName("app")
                .deploymentGroupName("dg")
                .serviceRoleArn("arn:aws:iam::123456789012:role/codedeploy")
                .deploymentConfigName(config)
                .ecsServices(s -> s.clusterName("c").serviceName("web"))
                .deploymentStyle(s -> s.deploymentType("BLUE_GREEN").deploymentOption("WITH_TRAFFIC_CONTROL"))
                .loadBalancerInfo(lb ->
                        lb.targetGroupPairInfoList(p -> p.targetGroups(t -> t.name("blue"), t -> t.name("green"))
                                .prodTrafficRoute(t -> t.listenerArns(PROD))
                                .testTrafficRoute(t -> t.listenerArns(TEST))))
                .blueGreenDeploymentConfiguration(b -> b.terminateBlueInstancesOnDeploymentSuccess(
                                t -> t.action("TERMINATE").terminationWaitTimeInMinutes(5))
                        .deploymentReadyOption(
                                o -> o.actionOnTimeout(readyAction).waitTimeInMinutes(readyWaitMinutes)))
                .autoRollbackConfiguration(a -> a.enabled(true)
                        .eventsWithStrings(
                                "DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST", "DEPLOYMENT_STOP_ON_ALARM"))
                .alarmConfiguration(a -> a.enabled(true).alarms(al -> al.name("web-5xx"))));
    }

    static String appSpecYaml(String taskDefinition, String hooks) {
        return "version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n"
                + "        TaskDefinition: \"" + taskDefinition + "\"\n        LoadBalancerInfo:\n"
                + "          ContainerName: \"app\"\n          ContainerPort: 80\n" + hooks;
    }

    private String deploy(String appSpec) {
        return codeDeploy
                .createDeployment(r -> r.applicationName("app")
                        .deploymentGroupName("dg")
                        .revision(RevisionLocation.builder()
                                .revisionType("AppSpecContent")
                                .appSpecContent(c -> c.content(appSpec))
                                .build()))
                .deploymentId();
    }

    private DeploymentInfo info(String id) {
        return codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
    }

    private ECSTarget target(String id) {
        return codeDeploy
                .getDeploymentTarget(r -> r.deploymentId(id).targetId("c:web"))
                .deploymentTarget()
                .ecsTarget();
    }

    private List<TaskSet> taskSets() {
        return ecs.describeServices(r -> r.cluster("c").services("web"))
                .services()
                .get(0)
                .taskSets();
    }

    private void advance(int seconds) {
        emulator.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void shouldRunTheEcsLifecycleInOrderAndShiftCanaryTrafficBeforeReplacingTheOriginalTaskSet() {
        group("CodeDeployDefault.ECSCanary10Percent5Minutes", DeploymentReadyAction.CONTINUE_DEPLOYMENT, 0);
        String id = deploy(appSpecYaml(v2, "Hooks:\n  - AfterAllowTestTraffic: \"check-test\"\n"));
        advance(1);
        assertThat(info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);

        advance(34);
        assertThat(emulator.codeDeploy().listenerWeights(TEST)).containsEntry("green", 100);
        assertThat(emulator.codeDeploy().listenerWeights(PROD)).containsEntry("blue", 100);
        advance(10);
        assertThat(emulator.codeDeploy().listenerWeights(PROD))
                .containsEntry("green", 10)
                .containsEntry("blue", 90);
        assertThat(target(id).taskSetsInfo())
                .extracting(t -> t.taskSetLabelAsString(), t -> t.trafficWeight())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Blue", 90.0),
                        org.assertj.core.groups.Tuple.tuple("Green", 10.0));

        advance(300);
        assertThat(emulator.codeDeploy().listenerWeights(PROD)).containsEntry("green", 100);
        assertThat(info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(info(id).instanceTerminationWaitTimeStarted()).isTrue();
        assertThat(ecs.describeServices(r -> r.cluster("c").services("web"))
                        .services()
                        .get(0)
                        .taskDefinition())
                .isEqualTo(v2);

        advance(300);
        DeploymentInfo done = info(id);
        assertThat(done.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(target(id).lifecycleEvents())
                .extracting(LifecycleEvent::lifecycleEventName)
                .containsExactly(
                        "BeforeInstall",
                        "Install",
                        "AfterInstall",
                        "AllowTestTraffic",
                        "AfterAllowTestTraffic",
                        "BeforeAllowTraffic",
                        "AllowTraffic",
                        "AfterAllowTraffic");
        assertThat(target(id).lifecycleEvents())
                .allSatisfy(e -> assertThat(e.statusAsString()).isEqualTo("Succeeded"));
        advance(60);
        assertThat(taskSets()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo("PRIMARY");
            assertThat(t.taskDefinition()).isEqualTo(v2);
            assertThat(t.runningCount()).isEqualTo(2);
        });
    }

    @Test
    void shouldRollBackWhenAHookFails() {
        group("CodeDeployDefault.ECSAllAtOnce", DeploymentReadyAction.CONTINUE_DEPLOYMENT, 0);
        emulator.codeDeploy().hookResult("check-traffic", "Failed");
        String id = deploy(appSpecYaml(v2, "Hooks:\n  - AfterAllowTraffic: \"check-traffic\"\n"));
        advance(120);

        DeploymentInfo failed = info(id);
        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(failed.errorInformation().code()).isEqualTo(ErrorCode.HOOK_EXECUTION_FAILURE);
        String rollbackId = failed.rollbackInfo().rollbackDeploymentId();
        assertThat(rollbackId).isNotBlank();
        assertThat(target(id).lifecycleEvents())
                .filteredOn(e -> e.lifecycleEventName().equals("AfterAllowTraffic"))
                .singleElement()
                .satisfies(e -> assertThat(e.diagnostics().scriptName()).isEqualTo("check-traffic"));

        DeploymentInfo rollback = info(rollbackId);
        assertThat(rollback.creatorAsString()).isEqualTo("codeDeployRollback");
        assertThat(rollback.rollbackInfo().rollbackTriggeringDeploymentId()).isEqualTo(id);
        assertThat(rollback.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(emulator.codeDeploy().listenerWeights(PROD)).containsEntry("blue", 100);
        assertThat(ecs.describeServices(r -> r.cluster("c").services("web"))
                        .services()
                        .get(0)
                        .taskDefinition())
                .isEqualTo(v1);
    }

    @Test
    void shouldWaitInReadyUntilContinueDeployment() {
        group("CodeDeployDefault.ECSAllAtOnce", DeploymentReadyAction.STOP_DEPLOYMENT, 30);
        String id = deploy(appSpecYaml(v2, ""));
        advance(60);
        assertThat(info(id).status()).isEqualTo(DeploymentStatus.READY);
        assertThat(emulator.codeDeploy().listenerWeights(PROD)).containsEntry("blue", 100);

        codeDeploy.continueDeployment(r -> r.deploymentId(id).deploymentWaitType(DeploymentWaitType.READY_WAIT));
        assertThat(emulator.codeDeploy().listenerWeights(PROD)).containsEntry("green", 100);
        codeDeploy.continueDeployment(r -> r.deploymentId(id).deploymentWaitType(DeploymentWaitType.TERMINATION_WAIT));
        assertThat(info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThatThrownBy(() -> codeDeploy.continueDeployment(r -> r.deploymentId(id)))
                .isInstanceOf(
                        software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException.class);
    }

    @Test
    void shouldStopWhenTheReadyWaitRunsOutWithStopDeployment() {
        group("CodeDeployDefault.ECSAllAtOnce", DeploymentReadyAction.STOP_DEPLOYMENT, 30);
        String id = deploy(appSpecYaml(v2, ""));
        advance(20);
        assertThatThrownBy(() -> codeDeploy.continueDeployment(r -> r.deploymentId(id)))
                .isInstanceOf(DeploymentIsNotInReadyStateException.class);
        advance(31 * 60);
        assertThat(info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(info(id).errorInformation().code()).isEqualTo(ErrorCode.TIMEOUT);
    }

    @Test
    void shouldRollBackOnStopDeploymentWithAutoRollbackAndOnAnAlarm() {
        group("CodeDeployDefault.ECSLinear10PercentEvery1Minutes", DeploymentReadyAction.CONTINUE_DEPLOYMENT, 0);
        String first = deploy(appSpecYaml(v2, ""));
        advance(100);
        assertThat(emulator.codeDeploy().listenerWeights(PROD).get("green")).isBetween(10, 90);
        assertThatThrownBy(() -> deploy(appSpecYaml(v2, ""))).isInstanceOf(DeploymentLimitExceededException.class);

        codeDeploy.stopDeployment(r -> r.deploymentId(first).autoRollbackEnabled(true));
        assertThat(info(first).status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(info(first).errorInformation().code()).isEqualTo(ErrorCode.MANUAL_STOP);
        assertThat(emulator.codeDeploy().listenerWeights(PROD)).containsEntry("blue", 100);
        advance(30);

        String second = deploy(appSpecYaml(v2, ""));
        advance(100);
        emulator.triggerAlarm("web-5xx");
        assertThat(info(second).status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(info(second).errorInformation().code()).isEqualTo(ErrorCode.ALARM_ACTIVE);
        assertThat(info(second).rollbackInfo().rollbackDeploymentId()).isNotBlank();
        assertThat(emulator.codeDeploy().listenerWeights(PROD)).containsEntry("blue", 100);
    }

    @Test
    void shouldRefuseNonEcsStylesAndLetOnlyExternalServicesManageTaskSetsDirectly() {
        assertThatThrownBy(() -> codeDeploy.createDeploymentGroup(r -> r.applicationName("app")
                        .deploymentGroupName("bad")
                        .serviceRoleArn("arn:aws:iam::123456789012:role/codedeploy")
                        .ecsServices(s -> s.clusterName("c").serviceName("web"))))
                .isInstanceOf(InvalidDeploymentStyleException.class);
        assertThatThrownBy(() ->
                        ecs.createTaskSet(r -> r.cluster("c").service("web").taskDefinition(v2)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("EXTERNAL");

        ecs.createService(r -> r.cluster("c")
                .serviceName("ext")
                .taskDefinition(v1)
                .desiredCount(4)
                .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));
        TaskSet created = ecs.createTaskSet(r -> r.cluster("c")
                        .service("ext")
                        .taskDefinition(v2)
                        .scale(s -> s.value(50.0).unit("PERCENT")))
                .taskSet();
        assertThat(created.computedDesiredCount()).isEqualTo(2);
        ecs.updateServicePrimaryTaskSet(r -> r.cluster("c").service("ext").primaryTaskSet(created.id()));
        advance(30);
        assertThat(ecs.describeTaskSets(r -> r.cluster("c").service("ext")).taskSets())
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.status()).isEqualTo("PRIMARY");
                    assertThat(t.runningCount()).isEqualTo(2);
                    assertThat(t.stabilityStatusAsString()).isEqualTo("STEADY_STATE");
                });
        ecs.deleteTaskSet(
                r -> r.cluster("c").service("ext").taskSet(created.id()).force(true));
        advance(30);
        assertThat(ecs.describeTaskSets(r -> r.cluster("c").service("ext")).taskSets())
                .isEmpty();
    }
}
