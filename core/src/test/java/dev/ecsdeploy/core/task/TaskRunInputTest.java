package dev.ecsdeploy.core.task;

import static dev.ecsdeploy.core.task.RunTaskFixtures.CLUSTER;
import static dev.ecsdeploy.core.task.RunTaskFixtures.IMAGE;
import static dev.ecsdeploy.core.task.RunTaskFixtures.request;
import static dev.ecsdeploy.core.task.RunTaskFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.task.RunTaskFixtures.Recorder;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class TaskRunInputTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private final Recorder recorder = new Recorder();
    private AwsClients clients;
    private BlockingRunner runner;
    private Emulator emulator;

    @BeforeEach
    void setUp() {
        emulator = aws.emulator();
        clients = new AwsClients();
        runner = RunTaskFixtures.runner(emulator, clients);
        RunTaskFixtures.cluster(aws.ecs());
        ContainerDefinition app =
                RunTaskFixtures.app().toBuilder().memoryReservation(256).build();
        RunTaskFixtures.taskDefinition(aws.ecs(), app);
        aws.ecs()
                .registerTaskDefinition(r -> r.family("vpc-job")
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(RunTaskFixtures.app()));
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(5), 0, List.of()));
        emulator.callLog().clear();
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    @Test
    void shouldRejectAnUnknownTaskDefinition() {
        assertRejected(request().taskDefinition("nope"), "task definition nope not found: ");
    }

    @Test
    void shouldRejectAnOverrideOfAContainerTheTaskDefinitionLacks() {
        assertRejected(
                request().overrideContainer(ContainerOverrides.of("web").withCommand(List.of("true"))),
                "container override names container web, which task definition job:1 lacks: it has app");
    }

    @Test
    void shouldRejectAVerdictContainerTheTaskDefinitionLacks() {
        assertRejected(
                request().verdictContainer("web"),
                "verdict container names container web, which task definition job:1 lacks: it has app");
    }

    @Test
    void shouldRejectAwsvpcWithoutSubnets() {
        assertRejected(
                request().taskDefinition("vpc-job"),
                "cannot run task definition vpc-job:1: its network mode is awsvpc and no subnets were given; pass"
                        + " subnets or a service to copy the network configuration from");
    }

    @Test
    void shouldRejectAwsvpcWithoutSubnetsBeforeRegisteringAReplacedImage() {
        assertRejected(
                request().taskDefinition("vpc-job").putContainerImage("app", "docker.io/library/busybox:1.36"),
                "cannot run task definition vpc-job:1: its network mode is awsvpc and no subnets were given");
    }

    @Test
    void shouldRejectMoreThanTenTasks() {
        assertRejected(request().count(11), "cannot run 11 tasks: RunTask starts 1 to 10 tasks per call");
    }

    @Test
    void shouldRejectMemoryBelowTheReservation() {
        assertRejected(
                request().overrideContainer(ContainerOverrides.of("app").withMemory(128, null)),
                "override of container app would be rejected: memory 128 MiB is below its memory reservation of"
                        + " 256 MiB");
    }

    @Test
    void shouldRejectLaunchTypeTogetherWithCapacityProviders() {
        assertRejected(
                request().launchType("FARGATE").addCapacityProvider(new CapacityProviderItem("FARGATE_SPOT", 1, 0)),
                "cannot run a task with launch type FARGATE and a capacity provider strategy: ECS accepts one or the"
                        + " other");
    }

    @Test
    void shouldRejectARequestWithoutTaskDefinitionOrService() {
        assertRejected(
                TaskRunRequest.builder().cluster(CLUSTER),
                "cannot run a task: give either a task definition or a service whose task definition to run (got"
                        + " neither)");
    }

    @Test
    void shouldPassCommandEnvironmentAndPlacementToRunTask() {
        TaskRunRequest request = request()
                .taskDefinition("vpc-job")
                .network(new NetworkSettings(List.of("subnet-1"), List.of("sg-1"), false))
                .launchType("FARGATE")
                .overrideContainer(ContainerOverrides.of("app")
                        .withCommand(List.of("./migrate", "up"))
                        .withEnvironment(Map.of("STAGE", "prod")))
                .startedBy("jenkins-42")
                .group("migrations")
                .putTag("build", "42")
                .build();

        TaskRunHandle handle = runner.start(request, recorder);

        Task task = aws.ecs()
                .describeTasks(r -> r.cluster(CLUSTER).tasks(handle.taskArns()))
                .tasks()
                .get(0);
        assertThat(task.overrides().containerOverrides().get(0).command()).containsExactly("./migrate", "up");
        assertThat(task.overrides()
                        .containerOverrides()
                        .get(0)
                        .environment()
                        .get(0)
                        .value())
                .isEqualTo("prod");
        assertThat(task.startedBy()).isEqualTo("jenkins-42");
        assertThat(task.group()).isEqualTo("migrations");
        assertThat(task.launchTypeAsString()).isEqualTo("FARGATE");
        assertThat(handle.clientToken()).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void shouldRegisterADerivedRevisionForAnEntryPointAndSecrets() {
        TaskRunRequest request = request()
                .overrideContainer(ContainerOverrides.of("app")
                        .withEntryPoint(List.of("/bin/sh", "-c"))
                        .withSecrets(Map.of("DB_PASSWORD", "arn:aws:ssm:us-east-1:123456789012:parameter/db")))
                .build();

        TaskRunHandle handle = runner.start(request, recorder);

        TaskDefinition derived = aws.ecs()
                .describeTaskDefinition(r -> r.taskDefinition(handle.taskDefinitionArn()))
                .taskDefinition();
        assertThat(derived.revision()).isGreaterThan(1);
        ContainerDefinition app = derived.containerDefinitions().get(0);
        assertThat(app.entryPoint()).containsExactly("/bin/sh", "-c");
        assertThat(app.secrets())
                .singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("DB_PASSWORD"));
        assertThat(app.memoryReservation()).isEqualTo(256);
        assertThat(recorder.messages("task.revision"))
                .singleElement()
                .asString()
                .startsWith("registered job:" + derived.revision() + " from job:1: entry point of app, secrets");
    }

    @Test
    void shouldKeepTheTagOfAnImageOutsideEcrAndSaySo() {
        TaskRunRequest request = request()
                .putContainerImage("app", "docker.io/library/busybox:1.36")
                .build();

        TaskRunHandle handle = runner.start(request, recorder);

        TaskDefinition derived = aws.ecs()
                .describeTaskDefinition(r -> r.taskDefinition(handle.taskDefinitionArn()))
                .taskDefinition();
        assertThat(derived.containerDefinitions().get(0).image()).isEqualTo("docker.io/library/busybox:1.36");
        assertThat(recorder.messages("task.revision"))
                .contains("image docker.io/library/busybox:1.36 is not pinned by digest: it is not in ECR, so its"
                        + " tag is registered as is");
    }

    @Test
    void shouldRunTheTaskDefinitionOfAServiceWithItsNetworkAndLaunchType() {
        createWebService();

        TaskRunHandle handle = runner.start(
                TaskRunRequest.builder()
                        .cluster(CLUSTER)
                        .taskDefinitionOfService("web")
                        .build(),
                recorder);

        assertThat(handle.taskDefinitionArn()).endsWith(":task-definition/vpc-job:1");
        assertThat(handle.launch().network())
                .isEqualTo(new NetworkSettings(List.of("subnet-9"), List.of("sg-9"), true));
        Task task = aws.ecs()
                .describeTasks(r -> r.cluster(CLUSTER).tasks(handle.taskArns()))
                .tasks()
                .get(0);
        assertThat(task.launchTypeAsString()).isEqualTo("FARGATE");
    }

    @Test
    void shouldCopyTheNetworkOfANamedService() {
        createWebService();

        TaskRunResult result = runner.runAndWait(
                request().taskDefinition("vpc-job").networkOfService("web").build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(result.taskDefinitionArn()).endsWith(":task-definition/vpc-job:1");
    }

    @Test
    void shouldRejectAnUnknownService() {
        assertRejected(
                TaskRunRequest.builder().cluster(CLUSTER).taskDefinitionOfService("nope"),
                "service nope not found in cluster jobs: MISSING");
    }

    @Test
    void shouldPinAnEcrImageByDigestAndRunIt() {
        aws.ecr().createRepository(r -> r.repositoryName("job"));
        String digest = emulator.ecr()
                .putSyntheticImage(
                        "job", "2.0", Map.of(Workload.RUN_LABEL, "5", Workload.LOG_LINES_LABEL, "from the new image"));
        String image = emulator.registryHost() + "/job:2.0";

        TaskRunResult result =
                runner.runAndWait(request().putContainerImage("app", image).build(), recorder);

        TaskDefinition derived = aws.ecs()
                .describeTaskDefinition(r -> r.taskDefinition(result.taskDefinitionArn()))
                .taskDefinition();
        assertThat(derived.containerDefinitions().get(0).image()).isEqualTo(emulator.registryHost() + "/job@" + digest);
        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(recorder.lines()).containsExactly("from the new image");
    }

    @Test
    void shouldRejectAnEcrImageThatDoesNotExist() {
        aws.ecr().createRepository(r -> r.repositoryName("job"));

        assertRejected(
                request().putContainerImage("app", emulator.registryHost() + "/job:missing"),
                "image " + emulator.registryHost() + "/job:missing not found in ECR: ");
    }

    private void createWebService() {
        aws.ecs()
                .createService(r -> r.cluster(CLUSTER)
                        .serviceName("web")
                        .taskDefinition("vpc-job")
                        .desiredCount(0)
                        .launchType("FARGATE")
                        .networkConfiguration(n -> n.awsvpcConfiguration(v ->
                                v.subnets("subnet-9").securityGroups("sg-9").assignPublicIp("ENABLED"))));
        emulator.callLog().clear();
    }

    private void assertRejected(TaskRunRequest.Builder request, String message) {
        assertThatThrownBy(() -> runner.start(request.build(), recorder))
                .isInstanceOf(TaskRunException.class)
                .message()
                .startsWith(message);
        assertThat(emulator.callLog().count("ecs", "RunTask")).isZero();
        assertThat(emulator.callLog().count("ecs", "RegisterTaskDefinition")).isZero();
    }
}
