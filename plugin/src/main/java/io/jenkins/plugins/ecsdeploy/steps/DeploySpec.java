package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.report.ConsoleLinks;
import io.jenkins.plugins.ecsdeploy.exec.AwsTarget;
import io.jenkins.plugins.ecsdeploy.exec.BuildLog;
import io.jenkins.plugins.ecsdeploy.exec.OperationSpec;
import io.jenkins.plugins.ecsdeploy.history.Recordable;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A deployment (rolling, canary, linear, blue/green, or a rollback) as the durable execution keeps it. */
final class DeploySpec extends OperationSpec<DeploymentRequest, DeploymentHandle, DeploymentRecord> {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final boolean wait;
    private final String application;

    DeploySpec(AwsTarget target, String cluster, String service, boolean wait, String application) {
        super(target, cluster);
        this.service = service;
        this.wait = wait;
        this.application = application;
    }

    @Override
    public String application() {
        return application;
    }

    @Override
    public LongOperation<DeploymentRequest, DeploymentHandle, DeploymentRecord> operation(
            AwsConnection connection, AwsClients clients, Clock clock) {
        return DeploymentEngine.builder()
                .ecs(clients.ecs(connection))
                .ecr(clients.ecr(connection))
                .clock(clock)
                .build();
    }

    @Override
    public StartedOperation recordStart(HistoryRecorder history, DeploymentRequest request) {
        return history.deploymentStarted(request);
    }

    @Override
    public void recordEnd(HistoryRecorder history, StartedOperation started, DeploymentRecord record) {
        history.deploymentFinished(started, record);
    }

    @Override
    public List<String> taskDefinitionArns(DeploymentRecord record) {
        return revisionsOf(record);
    }

    /** The revisions a finished deployment names, for the task definition archive. */
    static List<String> revisionsOf(DeploymentRecord record) {
        return Stream.of(record.previousTaskDefinitionArn(), record.newTaskDefinitionArn())
                .filter(arn -> arn != null && !arn.isBlank())
                .toList();
    }

    /** A rollback: the engine builds its request itself, so the start is recorded from the handle it returns. */
    @Override
    public Recordable<DeploymentHandle, DeploymentRecord> startedByHandle() {
        return new Recordable<>() {
            @Override
            public StartedOperation recordStart(HistoryRecorder history, DeploymentHandle handle) {
                return history.deploymentStarted(DeploymentRequest.builder()
                        .environment(handle.environment())
                        .cluster(handle.cluster())
                        .service(handle.service())
                        .source(TaskDefinitionSource.existing(handle.newTaskDefinitionArn()))
                        .strategy(handle.strategy())
                        .build());
            }

            @Override
            public void recordEnd(HistoryRecorder history, StartedOperation started, DeploymentRecord record) {
                history.deploymentFinished(started, record);
            }

            @Override
            public String application() {
                return application;
            }
        };
    }

    @Override
    public String describe() {
        return "deployment of " + service + " in " + cluster();
    }

    @Override
    public Map<String, Object> result(DeploymentRecord record) {
        return resultOf(record);
    }

    /** The step's return value for a finished deployment, whichever engine ran it. */
    static Map<String, Object> resultOf(DeploymentRecord record) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("taskDefinitionArn", nullToEmpty(record.newTaskDefinitionArn()));
        result.put("previousTaskDefinitionArn", nullToEmpty(record.previousTaskDefinitionArn()));
        result.put("serviceDeploymentArn", nullToEmpty(record.serviceDeploymentArn()));
        result.put("deploymentId", nullToEmpty(record.deploymentId()));
        result.put("status", record.status().name());
        result.put("reason", record.reason());
        return result;
    }

    @Override
    public boolean returnsBeforeOutcome(DeploymentHandle handle) {
        return !wait && (handle.phase() == Phase.ROLLING_OUT || handle.phase() == Phase.AWAITING_DECISION);
    }

    @Override
    public Map<String, Object> startedResult(DeploymentHandle handle) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("taskDefinitionArn", nullToEmpty(handle.newTaskDefinitionArn()));
        result.put("previousTaskDefinitionArn", nullToEmpty(handle.previousTaskDefinitionArn()));
        result.put("serviceDeploymentArn", nullToEmpty(handle.serviceDeploymentArn()));
        result.put("deploymentId", nullToEmpty(handle.deploymentId()));
        result.put("status", "IN_PROGRESS");
        result.put("reason", "not waited for (wait: false)");
        return result;
    }

    @Override
    public void announce(DeploymentHandle handle, BuildLog log, String region) {
        log.resource(
                "service " + service + " in cluster " + cluster(), ConsoleLinks.service(region, cluster(), service));
        log.resource(
                "task definition " + handle.newTaskDefinitionArn(),
                ConsoleLinks.taskDefinition(region, handle.newTaskDefinitionArn()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
