package io.jenkins.plugins.ecsdeploy.history;

import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryJson;
import dev.ecsdeploy.core.history.HistoryStore;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.util.JenkinsFacade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rebuilds the Jenkins-wide history from the builds when its journal is missing or damaged (lines that are not JSON
 * at all, beyond a torn last line the store repairs itself). Every build keeps its own entries in its
 * {@link DeploymentsBuildAction}; the rebuilt journal holds those and whatever the damaged journal still had readable
 * (entries of the CLI or of discarded builds), the newest state of each operation winning. Lines of a newer schema
 * are not damage: a rebuild would drop them, so they never cause one.
 */
public final class HistoryRepair {
    private HistoryRepair() {}

    /** The actions of the builds Jenkins keeps; in Jenkins every build of every job. */
    @FunctionalInterface
    public interface RecordedBuilds {
        Iterable<DeploymentsBuildAction> actions();
    }

    /**
     * Every build of every job, oldest first per job (the order they recorded in, which breaks ties between entries
     * recorded in the same millisecond).
     */
    public static RecordedBuilds of(JenkinsFacade jenkins) {
        return () -> {
            List<DeploymentsBuildAction> actions = new ArrayList<>();
            for (Job<?, ?> job : jenkins.allJobs()) {
                List<DeploymentsBuildAction> newestFirst = new ArrayList<>();
                for (Run<?, ?> run = job.getLastBuild(); run != null; run = run.getPreviousBuild()) {
                    DeploymentsBuildAction action = run.getAction(DeploymentsBuildAction.class);
                    if (action != null) {
                        newestFirst.add(action);
                    }
                }
                Collections.reverse(newestFirst);
                actions.addAll(newestFirst);
            }
            return actions;
        };
    }

    /**
     * Rebuilds {@code store} from {@code builds} when its journal is missing (and the builds recorded something) or
     * damaged, and says so on {@code log}. Returns why it rebuilt, or empty when the store was sound.
     */
    public static Optional<String> repairIfNeeded(HistoryStore store, RecordedBuilds builds, Consumer<String> log) {
        Path journal = store.journalFile();
        String why;
        List<HistoryEntry> kept = new ArrayList<>();
        if (!Files.exists(journal)) {
            why = "the journal " + journal + " was missing";
        } else {
            int damaged = damagedLines(journal);
            if (damaged == 0) {
                return Optional.empty();
            }
            why = "the journal " + journal + " had " + damaged + " damaged lines";
            kept.addAll(store.readAll());
        }
        List<HistoryEntry> fromBuilds = new ArrayList<>();
        int buildCount = 0;
        for (DeploymentsBuildAction action : builds.actions()) {
            fromBuilds.addAll(action.entries());
            buildCount++;
        }
        if (fromBuilds.isEmpty() && kept.isEmpty()) {
            return Optional.empty(); // a new Jenkins: nothing was ever recorded
        }
        List<HistoryEntry> all = new ArrayList<>(kept);
        all.addAll(fromBuilds);
        all.sort(Comparator.comparing(HistoryEntry::recordedAt));
        store.rebuild(all, why + "; rebuilt from " + buildCount + " builds");
        log.accept("ecs-deploy history: " + why + "; rebuilt it from the records of " + buildCount + " builds ("
                + fromBuilds.size() + " entries) and " + kept.size() + " readable lines");
        return Optional.of(why);
    }

    /** Lines that are not JSON, except an unterminated last line (a torn write the next append repairs). */
    private static int damagedLines(Path journal) {
        try {
            byte[] bytes = Files.readAllBytes(journal);
            int damaged = 0;
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    if (i > start && notJson(bytes, start, i - start)) {
                        damaged++;
                    }
                    start = i + 1;
                }
            }
            return damaged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal + ": " + e.getMessage(), e);
        }
    }

    private static boolean notJson(byte[] bytes, int offset, int length) {
        return HistoryJson.parseLine(bytes, offset, length).problem() == HistoryJson.LineProblem.NOT_JSON;
    }
}
