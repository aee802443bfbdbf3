package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.history.KnownGoodMark;
import hudson.AbortException;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.util.List;

/**
 * The task definition of a service's last known-good deployment, as marked on the "Deployments" pages, for
 * {@code ecsRollback(toKnownGood: true)}.
 */
final class KnownGoodRevision {
    private KnownGoodRevision() {}

    /**
     * Returns the task definition ARN of the newest known-good mark of the service in the cluster (and region, when
     * both the mark and the step know it).
     *
     * @throws AbortException when the service has no known-good deployment
     */
    static String of(PluginHistory history, String region, String cluster, String service) throws AbortException {
        List<KnownGoodMark> marks = history.store().knownGoodMarks();
        for (int i = marks.size() - 1; i >= 0; i--) {
            KnownGoodMark mark = marks.get(i);
            if (matches(mark, region, cluster, service) && mark.taskDefinitionArn() != null) {
                return mark.taskDefinitionArn();
            }
        }
        throw new AbortException("ecsRollback: no deployment of service " + service + " in cluster " + cluster
                + " is marked known good: mark one on the job's Deployments page, or roll back without toKnownGood");
    }

    private static boolean matches(KnownGoodMark mark, String region, String cluster, String service) {
        var target = mark.target();
        return sameName(target.service(), service)
                && sameName(target.cluster(), cluster)
                && (region == null || target.region() == null || region.equals(target.region()));
    }

    /** Names match as names or ARNs: {@code main} and {@code arn:aws:ecs:…:cluster/main} are one cluster. */
    private static boolean sameName(String recorded, String asked) {
        return recorded.equals(asked) || lastSegment(recorded).equals(lastSegment(asked));
    }

    private static String lastSegment(String nameOrArn) {
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }
}
