package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.aws.AwsFailure;
import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentPlan;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentRequest.CircuitBreaker;
import dev.ecsdeploy.core.deploy.DeploymentRequest.WhenBusy;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.core.deploy.ServiceBusyException;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.OperationPoll;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/** The ECS deployment engine: plans and starts here, follows in {@link DeploymentPoller}. */
public final class DefaultDeploymentEngine implements DeploymentEngine {
    private final EcsClient ecs;
    private final Clock clock;
    private final DeploymentPlanner planner;
    private final DeploymentPoller poller;

    public DefaultDeploymentEngine(EcsClient ecs, EcrClient ecr, Clock clock) {
        this.ecs = ecs;
        this.clock = clock;
        this.planner = new DeploymentPlanner(ecs, new EcrImagePinner(ecr));
        this.poller = new DeploymentPoller(ecs, clock);
    }

    @Override
    public DeploymentPlan plan(DeploymentRequest request) {
        return planner.plan(request).plan();
    }

    @Override
    public DeploymentHandle start(DeploymentRequest request, ProgressListener listener) {
        DeploymentPlanner.Planned planned = planner.plan(request);
        Service service = planned.service();
        Optional<Set<String>> knownArns = serviceDeploymentArns(request);
        if (knownArns.isEmpty() && !request.pauseAtStages().isEmpty()) {
            throw new InvalidDeploymentException("deployment refused: pausing at " + request.pauseAtStages()
                    + " needs ECS service deployments (ListServiceDeployments, DescribeServiceDeployments,"
                    + " ContinueServiceDeployment), which this endpoint does not implement; nothing was changed."
                    + " Deploy without pause stages, or against an endpoint that implements them");
        }
        List<Deployment> busy = ServiceInspector.inProgress(service);
        if (!busy.isEmpty() && request.whenAnotherDeploymentInProgress() == WhenBusy.FAIL) {
            throw new ServiceBusyException(
                    "deployment refused: another deployment is in progress on service " + request.service() + ": "
                            + Verdicts.describeBusy(busy) + "; nothing was changed",
                    request.service(),
                    busy.stream().map(Deployment::id).toList());
        }
        planned.plan()
                .warnings()
                .forEach(w -> listener.onEvent(ProgressEvent.warning(clock.instant(), EventKinds.DEPLOY_WARNING, w)));
        String newArn = planned.plan().newTaskDefinitionArn();
        if (alreadyRunning(request, planned, newArn)) {
            DeploymentHandle unchanged = handle(request, planned, newArn, Phase.UNCHANGED, knownArns);
            if (UpdateServiceCall.configuration(unchanged, service.deploymentConfiguration())
                    .equals(service.deploymentConfiguration())) {
                listener.onEvent(ProgressEvent.info(
                        clock.instant(),
                        EventKinds.DEPLOY_UNCHANGED,
                        "nothing to deploy: "
                                + DeploymentPoller.unchanged(unchanged).reason()
                                + " (set forceNewDeployment to deploy anyway)"));
                return unchanged;
            }
        }
        if (newArn == null) {
            newArn = ecs.registerTaskDefinition(planned.spec().request())
                    .taskDefinition()
                    .taskDefinitionArn();
            listener.onEvent(ProgressEvent.info(clock.instant(), EventKinds.DEPLOY_PHASE, "registered " + newArn));
        }
        Phase phase = busy.isEmpty() ? Phase.UPDATE_PENDING : Phase.WAITING_FOR_OTHER_DEPLOYMENT;
        if (!busy.isEmpty()) {
            listener.onEvent(ProgressEvent.info(
                    clock.instant(),
                    EventKinds.DEPLOY_PHASE,
                    "service " + request.service() + " is busy: waiting for " + Verdicts.describeBusy(busy)
                            + " to finish before UpdateService, until "
                            + clock.instant().plus(request.timeout())));
        }
        if (knownArns.isEmpty()) {
            listener.onEvent(ProgressEvent.warning(
                    clock.instant(),
                    EventKinds.DEPLOY_WARNING,
                    "this endpoint does not implement ECS service deployments (ListServiceDeployments); following"
                            + " the deployment through DescribeServices' deployments instead"));
        }
        return handle(request, planned, newArn, phase, knownArns);
    }

    @Override
    public OperationPoll<DeploymentHandle, DeploymentRecord> poll(DeploymentHandle handle, Decision decision) {
        return poller.poll(handle, decision);
    }

    @Override
    public OperationPoll<DeploymentHandle, DeploymentRecord> abort(DeploymentHandle handle, String abortedBy) {
        return poller.abort(handle, abortedBy);
    }

    @Override
    public DeploymentHandle rollback(String environment, String cluster, String service, String taskDefinitionArn) {
        Service current = new ServiceInspector(ecs).describe(cluster, service);
        ServiceInspector.requireDeployable(current);
        String target = taskDefinitionArn;
        if (target == null) {
            List<ServiceDeploymentBrief> history = history(cluster, service);
            history.stream()
                    .filter(sd -> List.of("PENDING", "IN_PROGRESS").contains(sd.statusAsString()))
                    .findFirst()
                    .ifPresent(sd -> ecs.stopServiceDeployment(r ->
                            r.serviceDeploymentArn(sd.serviceDeploymentArn()).stopType("ROLLBACK")));
            target = lastSuccessfulBefore(history, current.taskDefinition());
        }
        DeploymentRequest request = DeploymentRequest.builder()
                .environment(environment)
                .cluster(cluster)
                .service(service)
                .source(TaskDefinitionSource.existing(target))
                .whenAnotherDeploymentInProgress(WhenBusy.WAIT)
                .build();
        return start(request);
    }

    /**
     * Whether UpdateService would only repeat what the service runs: the same task definition ARN, no new desired
     * count, not forced, and no deployment in flight. The deployment configuration is compared by the caller.
     */
    private static boolean alreadyRunning(DeploymentRequest request, DeploymentPlanner.Planned planned, String arn) {
        Service service = planned.service();
        return service.taskDefinition().equals(arn)
                && !request.forceNewDeployment()
                && (request.desiredCount() == null || request.desiredCount().equals(service.desiredCount()))
                && ServiceInspector.isSettled(service);
    }

    private List<ServiceDeploymentBrief> history(String cluster, String service) {
        try {
            return ecs.listServiceDeployments(r -> r.cluster(cluster).service(service))
                    .serviceDeployments();
        } catch (SdkException e) {
            if (AwsFailure.isUnknownOperation(e)) {
                throw new InvalidDeploymentException("rollback refused: this endpoint does not implement ECS service"
                        + " deployments (ListServiceDeployments), so the last successful deployment cannot be found;"
                        + " name the task definition to roll back to");
            }
            throw e;
        }
    }

    /** The task definition of the newest SUCCESSFUL service deployment that does not run {@code current}. */
    private String lastSuccessfulBefore(List<ServiceDeploymentBrief> history, String current) {
        List<String> revisions = history.stream()
                .filter(sd -> "SUCCESSFUL".equals(sd.statusAsString()))
                .sorted(Comparator.comparing(ServiceDeploymentBrief::createdAt).reversed())
                .map(ServiceDeploymentBrief::targetServiceRevisionArn)
                .toList();
        for (String revision : revisions) {
            String taskDefinition = ecs.describeServiceRevisions(r -> r.serviceRevisionArns(revision))
                    .serviceRevisions()
                    .get(0)
                    .taskDefinition();
            if (!taskDefinition.equals(current)) {
                return taskDefinition;
            }
        }
        throw new InvalidDeploymentException("rollback refused: ECS's service deployment history has no successful"
                + " deployment of a task definition other than the current one (" + current + ")");
    }

    private DeploymentHandle handle(
            DeploymentRequest request,
            DeploymentPlanner.Planned planned,
            String newArn,
            Phase phase,
            Optional<Set<String>> serviceDeploymentArns) {
        Service service = planned.service();
        Instant now = clock.instant();
        Set<String> knownIds =
                service.deployments().stream().map(Deployment::id).collect(Collectors.toSet());
        Set<String> knownArns = serviceDeploymentArns.orElse(Set.of());
        Instant cursor = service.events().stream()
                .map(ServiceEvent::createdAt)
                .max(Comparator.naturalOrder())
                .orElse(now);
        return new DeploymentHandle(
                request.environment(),
                request.cluster(),
                request.service(),
                request.strategy(),
                phase,
                service.taskDefinition(),
                newArn,
                planned.plan().imageDigests(),
                request.desiredCount(),
                request.forceNewDeployment(),
                effectiveCircuitBreaker(request, service),
                request.alarms(),
                request.pauseAtStages(),
                request.onTimeout(),
                request.onAbort(),
                knownIds,
                knownArns,
                null,
                null,
                now,
                now.plus(request.timeout()),
                cursor,
                null,
                null,
                null,
                0,
                serviceDeploymentArns.isEmpty());
    }

    /**
     * The service's service deployments so far, or empty when the endpoint does not implement
     * ListServiceDeployments. Asked before anything is mutated, so the engine knows how it will follow what it starts.
     */
    private Optional<Set<String>> serviceDeploymentArns(DeploymentRequest request) {
        try {
            return Optional.of(ecs
                    .listServiceDeployments(r -> r.cluster(request.cluster()).service(request.service()))
                    .serviceDeployments()
                    .stream()
                    .map(ServiceDeploymentBrief::serviceDeploymentArn)
                    .collect(Collectors.toSet()));
        } catch (SdkException e) {
            if (AwsFailure.isUnknownOperation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static CircuitBreaker effectiveCircuitBreaker(DeploymentRequest request, Service service) {
        if (request.circuitBreaker() != null) {
            return request.circuitBreaker();
        }
        var configured = service.deploymentConfiguration() == null
                ? null
                : service.deploymentConfiguration().deploymentCircuitBreaker();
        return configured == null
                ? null
                : new CircuitBreaker(
                        Boolean.TRUE.equals(configured.enable()), Boolean.TRUE.equals(configured.rollback()));
    }
}
