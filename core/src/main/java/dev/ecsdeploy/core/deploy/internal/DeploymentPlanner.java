package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.deploy.DeploymentPlan;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentRequest.ContainerEdit;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.spec.InvalidSpecException;
import dev.ecsdeploy.core.spec.SpecDiff;
import dev.ecsdeploy.core.spec.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/** Everything before the first mutation: reads, checks, the new task definition, digests and the diff. */
final class DeploymentPlanner {
    private final EcsClient ecs;
    private final EcrImagePinner pinner;

    DeploymentPlanner(EcsClient ecs, EcrImagePinner pinner) {
        this.ecs = ecs;
        this.pinner = pinner;
    }

    /** The plan plus what start() needs from the reads. */
    record Planned(DeploymentPlan plan, Service service, TaskDefinitionSpec spec) {}

    Planned plan(DeploymentRequest request) {
        Service service = new ServiceInspector(ecs).describe(request.cluster(), request.service());
        ServiceInspector.requireDeployable(service);
        return plan(request, service);
    }

    /** Plans the task definition of a CodeDeploy deployment: the service must use the CODE_DEPLOY controller. */
    Planned planForCodeDeploy(DeploymentRequest request) {
        Service service = new ServiceInspector(ecs).describe(request.cluster(), request.service());
        ServiceInspector.requireCodeDeploy(service);
        return plan(request, service);
    }

    private Planned plan(DeploymentRequest request, Service service) {
        List<String> warnings = new ArrayList<>();
        ServiceInspector.requireTrafficShifting(service, request.strategy()).ifPresent(warnings::add);
        busyWarning(request, service).ifPresent(warnings::add);
        if (!request.pauseAtStages().isEmpty() && !SdkCapabilities.pauseHooks()) {
            throw new InvalidDeploymentException("deployment refused: PAUSE hooks at " + request.pauseAtStages()
                    + " need AWS SDK for Java 2.50 or newer (ContinueServiceDeployment)");
        }
        TaskDefinitionSpec current = describe(service.taskDefinition());
        try {
            return request.source() instanceof TaskDefinitionSource.Existing existing
                    ? planExisting(request, service, current, existing.taskDefinitionArn(), warnings)
                    : planNew(request, service, current, warnings);
        } catch (InvalidSpecException e) {
            throw new InvalidDeploymentException("deployment refused: " + e.getMessage(), e);
        }
    }

    private Planned planNew(
            DeploymentRequest request, Service service, TaskDefinitionSpec current, List<String> warnings) {
        TaskDefinitionSpec spec;
        if (request.source() instanceof TaskDefinitionSource.CurrentWithImage image) {
            spec = current.withImage(image.image(), image.containers());
        } else {
            TaskDefinitionSource.File file = (TaskDefinitionSource.File) request.source();
            spec = TaskDefinitionSpec.fromJson(file.json(), file.values());
        }
        for (ContainerEdit edit : request.edits()) {
            spec = edit.kind() == ContainerEdit.Kind.ENVIRONMENT
                    ? spec.withEnvironment(edit.container(), edit.name(), edit.value())
                    : spec.withSecret(edit.container(), edit.name(), edit.value());
        }
        requireValidImages(spec);
        Map<String, String> pinned = new LinkedHashMap<>();
        for (Map.Entry<String, String> image : spec.images().entrySet()) {
            EcrImagePinner.Pinned result = pinner.pin(image.getValue());
            pinned.put(image.getKey(), result.reference());
            if (!result.inEcr() && !result.reference().contains("@sha256:")) {
                warnings.add("image " + image.getValue() + " of container " + image.getKey()
                        + " is not in ECR and is deployed by tag, not pinned by digest");
            }
        }
        spec = spec.withImages(pinned);
        warnings.addAll(spec.secretLookingEnvironment());
        SpecDiff diff = SpecDiff.between(current.json(), spec.json());
        // The same content as the running revision: deploy that revision instead of registering a copy of it.
        String reused = diff.isEmpty() ? service.taskDefinition() : null;
        List<String> steps = steps(
                request,
                service,
                reused == null
                        ? "register a new revision of task definition family " + spec.family()
                        : "reuse the running task definition " + reused + ": its content is unchanged");
        DeploymentPlan plan = new DeploymentPlan(
                request, service.taskDefinition(), reused, spec.prettyJson(), pinned, diff, steps, warnings);
        return new Planned(plan, service, spec);
    }

    private Planned planExisting(
            DeploymentRequest request, Service service, TaskDefinitionSpec current, String arn, List<String> warnings) {
        TaskDefinitionSpec target;
        try {
            target = describe(arn);
        } catch (ClientException e) {
            throw new InvalidDeploymentException("deployment refused: task definition " + arn + " not found", e);
        }
        warnings.addAll(target.secretLookingEnvironment());
        DeploymentPlan plan = new DeploymentPlan(
                request,
                service.taskDefinition(),
                arn,
                null,
                target.images(),
                SpecDiff.between(current.json(), target.json()),
                steps(request, service, "deploy the existing task definition " + arn + " as is"),
                warnings);
        return new Planned(plan, service, target);
    }

    /**
     * Every image of the rendered task definition, however it got there ({@code --image}, a file, a placeholder), is
     * held to the same grammar before anything is registered.
     */
    private static void requireValidImages(TaskDefinitionSpec spec) {
        spec.images().forEach((container, image) -> {
            try {
                dev.ecsdeploy.core.spec.ImageName.parse(image);
            } catch (InvalidSpecException e) {
                throw new InvalidDeploymentException(
                        "deployment refused: container " + container + ": " + e.getMessage(), e);
            }
        });
    }

    /** A deployment in flight, said in the plan too: a dry run must not pretend the service is free. */
    private static java.util.Optional<String> busyWarning(DeploymentRequest request, Service service) {
        List<software.amazon.awssdk.services.ecs.model.Deployment> busy = ServiceInspector.inProgress(service);
        if (busy.isEmpty()) {
            return java.util.Optional.empty();
        }
        String then = request.whenAnotherDeploymentInProgress() == DeploymentRequest.WhenBusy.WAIT
                ? "a real run waits for it to finish (within the timeout) before UpdateService"
                : "a real run would be refused, changing nothing";
        return java.util.Optional.of("service " + service.serviceName() + " has a deployment in flight: "
                + Verdicts.describeBusy(busy) + "; " + then);
    }

    private List<String> steps(DeploymentRequest request, Service service, String taskDefinitionStep) {
        List<String> steps = new ArrayList<>();
        steps.add(taskDefinitionStep);
        if (!request.forceNewDeployment() && ServiceInspector.isSettled(service)) {
            steps.add("if the service already runs that task definition with the same settings: nothing to deploy,"
                    + " no UpdateService (forceNewDeployment deploys anyway)");
        }
        steps.add("UpdateService " + request.cluster() + "/" + request.service() + " with strategy "
                + request.strategy().apiName()
                + (request.desiredCount() == null ? "" : ", desiredCount " + request.desiredCount())
                + (request.forceNewDeployment() ? ", forceNewDeployment" : ""));
        if (!request.pauseAtStages().isEmpty()) {
            steps.add("pause at " + request.pauseAtStages() + " for a CONTINUE or ROLLBACK decision");
        }
        steps.add("follow the deployment until it succeeds, fails or "
                + request.timeout().toMinutes() + " minutes pass (then " + request.onTimeout() + ")");
        return steps;
    }

    private TaskDefinitionSpec describe(String arn) {
        DescribeTaskDefinitionResponse described =
                ecs.describeTaskDefinition(r -> r.taskDefinition(arn).include(TaskDefinitionField.TAGS));
        return TaskDefinitionSpec.fromDescribed(described.taskDefinition(), described.tags());
    }
}
