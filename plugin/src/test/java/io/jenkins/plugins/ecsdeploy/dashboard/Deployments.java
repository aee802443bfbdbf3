package io.jenkins.plugins.ecsdeploy.dashboard;

import dev.ecsdeploy.core.history.DeployedImage;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryEvent;
import dev.ecsdeploy.core.history.Origin;
import dev.ecsdeploy.core.history.RecordedFinding;
import dev.ecsdeploy.core.history.RecordedGate;
import dev.ecsdeploy.core.history.RecordedScan;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Deployments for the pages' tests: one entry per call, named by what matters to the test. */
final class Deployments {
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    static final String REGISTRY = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";

    private Deployments() {}

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static String digest(int n) {
        return "sha256:" + String.format("%03d", n).repeat(22).substring(0, 64);
    }

    static String taskDefinitionArn(String app, int revision) {
        return "arn:aws:ecs:eu-west-1:123456789012:task-definition/" + app + ":" + revision;
    }

    /** A deployment of {@code app:v<digest>} by the job to {@code <app>-<environment>} in the environment's cluster. */
    static DeploymentEntry.Builder deployment(
            String id, String job, String environment, String app, int digest, int minute, OperationStatus status) {
        return DeploymentEntry.builder()
                .id(id)
                .recordedAt(at(minute + 5))
                .region("eu-west-1")
                .accountId("123456789012")
                .environment(environment)
                .cluster(environment)
                .service(app + "-" + environment)
                .strategy("rolling")
                .taskDefinitionArn(taskDefinitionArn(app, digest))
                .addImage(new DeployedImage(app, REGISTRY + "/team/" + app + ":v" + digest, digest(digest)))
                .status(status)
                .startedAt(at(minute))
                .finishedAt(status == OperationStatus.IN_PROGRESS ? null : at(minute + 5))
                .addEvent(new HistoryEvent(at(minute + 1), "service " + app + " has started 1 task"))
                .origin(new Origin("user-" + job, job, minute, "https://ci.example.com/job/" + job + "/" + minute))
                .scan(new RecordedScan(
                        "COMPLETE", at(minute), Map.of("HIGH", 1), List.of(finding("CVE-2026-" + digest))))
                .gate(new RecordedGate(true, "CRITICAL=0", "within the gate", List.of()))
                .sourceRevision("rev" + digest)
                .sourceCommittedAt(at(minute - 60));
    }

    static RecordedFinding finding(String id) {
        return new RecordedFinding(
                id, "HIGH", "openssl", "3.0.1", "3.0.2", "https://nvd.example/" + id, "a flaw in " + id);
    }
}
