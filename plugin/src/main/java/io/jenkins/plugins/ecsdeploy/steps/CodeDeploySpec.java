package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployDeployments;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployHandle;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployRequest;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.report.ConsoleLinks;
import io.jenkins.plugins.ecsdeploy.exec.AwsTarget;
import io.jenkins.plugins.ecsdeploy.exec.BuildLog;
import io.jenkins.plugins.ecsdeploy.exec.OperationSpec;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** A CodeDeploy blue/green deployment of a CODE_DEPLOY-controlled service, as the durable execution keeps it. */
final class CodeDeploySpec extends OperationSpec<CodeDeployRequest, CodeDeployHandle, DeploymentRecord> {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final boolean wait;
    private final String application;

    CodeDeploySpec(AwsTarget target, String cluster, String service, boolean wait, String application) {
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
    public LongOperation<CodeDeployRequest, CodeDeployHandle, DeploymentRecord> operation(
            AwsConnection connection, AwsClients clients, Clock clock) {
        return CodeDeployDeployments.builder()
                .clients(clients)
                .connection(connection)
                .clock(clock)
                .build();
    }

    @Override
    public StartedOperation recordStart(HistoryRecorder history, CodeDeployRequest request) {
        return history.deploymentStarted(request.deployment());
    }

    @Override
    public void recordEnd(HistoryRecorder history, StartedOperation started, DeploymentRecord record) {
        history.deploymentFinished(started, record);
    }

    @Override
    public String describe() {
        return "CodeDeploy deployment of " + service + " in " + cluster();
    }

    @Override
    public Map<String, Object> result(DeploymentRecord record) {
        return DeploySpec.resultOf(record);
    }

    /** Without {@code wait}, the step returns once CodeDeploy has the deployment (CreateDeployment confirmed). */
    @Override
    public boolean returnsBeforeOutcome(CodeDeployHandle handle) {
        return !wait && handle.phase() == CodeDeployHandle.Phase.FOLLOWING;
    }

    @Override
    public Map<String, Object> startedResult(CodeDeployHandle handle) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("taskDefinitionArn", nullToEmpty(handle.target().newTaskDefinitionArn()));
        result.put("previousTaskDefinitionArn", nullToEmpty(handle.target().previousTaskDefinitionArn()));
        result.put("serviceDeploymentArn", "");
        result.put("deploymentId", nullToEmpty(handle.deploymentId()));
        result.put("status", "IN_PROGRESS");
        result.put("reason", "not waited for (wait: false)");
        return result;
    }

    @Override
    public void announce(CodeDeployHandle handle, BuildLog log, String region) {
        log.resource(
                "service " + service + " in cluster " + cluster(), ConsoleLinks.service(region, cluster(), service));
        log.resource(
                "task definition " + handle.target().newTaskDefinitionArn(),
                ConsoleLinks.taskDefinition(region, handle.target().newTaskDefinitionArn()));
        log.info("CodeDeploy application " + handle.target().application() + ", deployment group "
                + handle.target().deploymentGroup());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public java.util.List<String> taskDefinitionArns(DeploymentRecord record) {
        return DeploySpec.revisionsOf(record);
    }
}
