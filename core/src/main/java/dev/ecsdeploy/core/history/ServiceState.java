package dev.ecsdeploy.core.history;

import java.time.Instant;

/**
 * What runs in one service of one environment, and how the latest attempt to change it went.
 *
 * @param environment the environment
 * @param service the service name
 * @param running the newest successful deployment (what runs now), or null when none succeeded yet
 * @param latest the newest deployment of any status; the same as {@code running} when that one was the last
 */
public record ServiceState(String environment, String service, DeploymentEntry running, DeploymentEntry latest) {
    /** Returns when what runs now started running (the successful deployment's end), or null. */
    public Instant since() {
        if (running == null) {
            return null;
        }
        return running.finishedAt() != null ? running.finishedAt() : running.recordedAt();
    }

    /** Returns the digest that runs now, or null. */
    public String runningDigest() {
        return running == null ? null : running.primaryDigest();
    }
}
