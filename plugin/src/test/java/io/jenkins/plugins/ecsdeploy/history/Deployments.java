package io.jenkins.plugins.ecsdeploy.history;

import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.StartedOperation;
import java.io.Serial;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Deployments recorded the way the deploy steps record them, with outcomes made up by the test. */
final class Deployments implements Recordable<DeploymentRequest, DeploymentRecord> {
    @Serial
    private static final long serialVersionUID = 1L;

    static final String ACCOUNT = "123456789012";

    @Override
    public StartedOperation recordStart(HistoryRecorder history, DeploymentRequest request) {
        return history.deploymentStarted(request);
    }

    @Override
    public void recordEnd(HistoryRecorder history, StartedOperation started, DeploymentRecord record) {
        history.deploymentFinished(started, record);
    }

    static DeploymentRequest request(String environment, String service, String image) {
        return DeploymentRequest.builder()
                .environment(environment)
                .cluster("main")
                .service(service)
                .source(TaskDefinitionSource.currentWithImage(image))
                .build();
    }

    static String image(String digest) {
        return ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/web@" + digest;
    }

    static DeploymentRecord record(
            String environment, String service, int revision, String digest, DeploymentStatus status, Instant at) {
        String arn = "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task-definition/" + service + ":";
        return new DeploymentRecord(
                environment,
                "main",
                service,
                "ROLLING",
                arn + (revision - 1),
                arn + revision,
                Map.of("web", image(digest)),
                "arn:aws:ecs:us-east-1:" + ACCOUNT + ":service-deployment/main/" + service + "/" + revision,
                null,
                status,
                status == DeploymentStatus.SUCCESSFUL ? "" : "circuit breaker tripped",
                at.minusSeconds(90),
                at,
                List.of(new DeploymentRecord.RecordedEvent(at, "INFO", "ecs.event", "deployment of " + service)));
    }

    static String digest(int n) {
        return "sha256:" + String.format("%064x", n);
    }
}
