package io.jenkins.plugins.ecsdeploy.history;

import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryIndex;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.Origin;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.operation.OperationStatus;
import hudson.EnvVars;
import hudson.model.Cause;
import hudson.model.Run;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records what a build does into the Jenkins-wide history, through core's {@link HistoryRecorder}, and keeps a copy of
 * every entry in the build's {@link DeploymentsBuildAction} (what the build page shows and what a damaged store is
 * rebuilt from). Pipeline executions and Freestyle builders call the same two methods: {@link #started} when the
 * operation starts and {@link #finished} (or {@link #ended} without an outcome) when it ends. A history that cannot
 * be written costs a line in the build log, never the step's verdict.
 */
public final class BuildRecording {
    private final Supplier<PluginHistory> history;
    private final Run<?, ?> run;
    private final Origin origin;
    private final String region;
    private final PrintStream log;

    BuildRecording(Supplier<PluginHistory> history, Run<?, ?> run, Origin origin, String region, PrintStream log) {
        this.history = history;
        this.run = run;
        this.origin = origin;
        this.region = region;
        this.log = log;
    }

    /** The recording of {@code run}; with no run (no build to attribute it to) nothing is recorded. */
    public static BuildRecording of(Run<?, ?> run, EnvVars environment, String region, PrintStream log) {
        return new BuildRecording(PluginHistory::get, run, run == null ? null : origin(run, environment), region, log);
    }

    /** Records the start of an operation as {@code IN_PROGRESS}; null when nothing was recorded. */
    public <Q, O> StartedOperation started(Recordable<Q, O> kind, Q request) {
        if (run == null) {
            return null;
        }
        try {
            return kind.recordStart(recorder(kind.application()), request);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
            return null;
        }
    }

    /** Completes the entry of {@link #started} from the operation's outcome; does nothing when none was started. */
    public <Q, O> void finished(Recordable<Q, O> kind, StartedOperation started, O outcome) {
        if (run == null || started == null) {
            return;
        }
        try {
            kind.recordEnd(recorder(kind.application()), started, outcome);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
    }

    /**
     * Ends the entry of {@link #started} without an outcome from the engine (it threw, Jenkins restarted before the
     * operation had started, the build was aborted before a result): {@code status} with the concise reason.
     */
    public void ended(StartedOperation started, OperationStatus status, String reason) {
        if (run == null || started == null) {
            return;
        }
        try {
            recorder(null).ended(started, status, reason);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
    }

    private HistoryRecorder recorder(String application) {
        PluginHistory plugin = history.get();
        return HistoryRecorder.builder()
                .store(plugin.store())
                .clock(plugin.clock())
                .region(region)
                .origin(origin)
                .application(application)
                .onRecorded(this::keep)
                .imageBuilds(digest -> imageBuild(plugin, digest))
                .progressListener(event -> log.println("[ecs-deploy] " + event.message()))
                .build();
    }

    /**
     * The build of a deployed image: this build's own, else the newest one in the Jenkins-wide store (an image another
     * job built), found through the dashboard's index, which reads only the lines appended since it last looked.
     */
    private ImageBuildEntry imageBuild(PluginHistory plugin, String digest) {
        ImageBuildEntry own = DeploymentsBuildAction.of(run).imageBuild(digest);
        if (own != null) {
            return own;
        }
        try {
            HistoryIndex index = plugin.query().index();
            index.refresh();
            return index.newestBuildOf(digest).orElse(null);
        } catch (RuntimeException e) {
            log.println("[ecs-deploy] the build of " + digest + " was not looked up: " + e.getMessage());
            return null;
        }
    }

    /** Keeps the entry in the build, so the build page shows it and a damaged store can be rebuilt from it. */
    private void keep(HistoryEntry entry) {
        try {
            DeploymentsBuildAction.attachedTo(run).record(entry);
            run.save();
        } catch (IOException | RuntimeException e) {
            log.println("[ecs-deploy] the build did not keep its history entry " + entry.id() + ": " + e.getMessage());
        }
    }

    private void warn(Throwable e) {
        log.println("[ecs-deploy] history not recorded: " + e);
    }

    /** Who and what started {@code run}: its job and number, URL, branch, and the user or the trigger. */
    static Origin origin(Run<?, ?> run, EnvVars environment) {
        List<Cause> causes = run.getCauses() == null ? List.of() : run.getCauses();
        String user = causes.stream()
                .filter(Cause.UserIdCause.class::isInstance)
                .map(cause -> ((Cause.UserIdCause) cause).getUserId())
                .findFirst()
                .orElse(null);
        String trigger = user != null || causes.isEmpty() ? null : causes.get(0).getShortDescription();
        return new Origin(
                user,
                run.getParent() == null ? null : run.getParent().getFullName(),
                run.getNumber(),
                buildUrl(run),
                branch(environment),
                trigger);
    }

    private static String buildUrl(Run<?, ?> run) {
        try {
            return run.getAbsoluteUrl();
        } catch (RuntimeException e) {
            return run
                    .getUrl(); // no root URL configured (IllegalStateException): the relative one still finds the build
        }
    }

    /** The branch: multibranch's BRANCH_NAME, else the Git plugin's GIT_BRANCH; null outside both. */
    private static String branch(EnvVars environment) {
        if (environment == null) {
            return null;
        }
        String name = environment.get("BRANCH_NAME");
        return name != null ? name : environment.get("GIT_BRANCH");
    }
}
