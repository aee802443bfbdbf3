package dev.ecsdeploy.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's statement that a deployment is good to return to. Stored as its own appended line in
 * {@value HistoryStore#KNOWN_GOOD}, so marking never rewrites the deployment it marks.
 *
 * @param target the target of the marked deployment
 * @param deploymentId the marked deployment's id
 * @param digest the digest it ran, so a rollback can go back to it
 * @param taskDefinitionArn the task definition it ran
 * @param markedBy who marked it
 * @param markedAt when
 */
public record KnownGoodMark(
        DeploymentTarget target,
        String deploymentId,
        String digest,
        String taskDefinitionArn,
        String markedBy,
        Instant markedAt) {
    public KnownGoodMark {
        Objects.requireNonNull(target, "target");
        Require.text(deploymentId, "deploymentId");
        Require.present(markedAt, "markedAt");
    }

    /** Returns a mark of the deployment by the user at the time. */
    public static KnownGoodMark of(DeploymentEntry deployment, String markedBy, Instant markedAt) {
        return new KnownGoodMark(
                deployment.target(),
                deployment.id(),
                deployment.primaryDigest(),
                deployment.taskDefinitionArn(),
                markedBy,
                markedAt);
    }
}
