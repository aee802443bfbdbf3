package dev.ecsdeploy.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

/**
 * How much history compaction keeps: entries younger than {@code maxAge} and, per deployment target (per
 * repository for builds, per cluster and task family for tasks), the newest {@code maxPerTarget}. What runs now and
 * the latest attempt of every target are always kept, however old.
 *
 * @param maxAge the oldest entry to keep, or null for no age limit
 * @param maxPerTarget how many entries to keep per target, or 0 for no count limit
 */
public record RetentionPolicy(Duration maxAge, int maxPerTarget) {
    public RetentionPolicy {
        if (maxPerTarget < 0) {
            throw new IllegalArgumentException("maxPerTarget must be 0 (no limit) or more, was " + maxPerTarget);
        }
    }

    /** Returns a policy that keeps everything. */
    public static RetentionPolicy keepAll() {
        return new RetentionPolicy(null, 0);
    }

    boolean tooOld(HistoryEntry entry, Instant now) {
        return maxAge != null && entry.time().isBefore(now.minus(maxAge));
    }

    boolean beyondCount(int newerOfSameTarget) {
        return maxPerTarget > 0 && newerOfSameTarget >= maxPerTarget;
    }

    /** Returns the entries (newest state of each operation, oldest first) this policy keeps, in the same order. */
    List<HistoryEntry> apply(History history, Instant now) {
        var protectedKeys = new HashSet<String>();
        for (ServiceState state : history.current()) {
            protectedKeys.add(state.latest().key());
            if (state.running() != null) {
                protectedKeys.add(state.running().key());
            }
        }
        var newerCounts = new HashMap<String, Integer>();
        var kept = new ArrayList<HistoryEntry>();
        var entries = new ArrayList<>(history.entries());
        Collections.reverse(entries);
        for (HistoryEntry entry : entries) {
            int newer = newerCounts.merge(targetOf(entry), 1, Integer::sum) - 1;
            if (protectedKeys.contains(entry.key()) || !(tooOld(entry, now) || beyondCount(newer))) {
                kept.add(entry);
            }
        }
        Collections.reverse(kept);
        return kept;
    }

    private static String targetOf(HistoryEntry entry) {
        if (entry instanceof DeploymentEntry deployment) {
            return "deployment:" + deployment.target().key();
        }
        if (entry instanceof TaskRunEntry task) {
            return "task:" + task.cluster() + "/"
                    + (task.service() != null ? task.service() : task.taskDefinitionArn());
        }
        return "build:" + ((ImageBuildEntry) entry).repository();
    }
}
