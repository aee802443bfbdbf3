package io.jenkins.plugins.ecsdeploy.history;

import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryJson;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.TaskRunEntry;
import hudson.model.Action;
import hudson.model.Run;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What a build shipped: the images it pushed, the deployments and task runs it started, each as the newest state of
 * its history entry. The build page shows a summary and a detail page per entry; the build's {@code /api/json}
 * exports the same. Persisted in {@code build.xml} as the entries' history lines (core's versioned JSON, no secret in
 * them), so a damaged or lost Jenkins-wide store can be rebuilt from the builds (see {@link HistoryRepair}).
 */
@ExportedBean
public class DeploymentsBuildAction implements RunAction2 {
    private List<String> entries = new ArrayList<>();
    private Set<String> unchangedDigests = new LinkedHashSet<>();
    private transient Run<?, ?> run;
    private transient List<HistoryEntry> parsed;

    /** The action of {@code run}, added to it on first use. */
    public static DeploymentsBuildAction attachedTo(Run<?, ?> run) {
        synchronized (run) {
            DeploymentsBuildAction action = run.getAction(DeploymentsBuildAction.class);
            if (action == null) {
                action = new DeploymentsBuildAction();
                run.addAction(action);
                action.onAttached(run);
            }
            return action;
        }
    }

    /** The action of {@code run}, or an empty one when it recorded nothing (never attached). */
    static DeploymentsBuildAction of(Run<?, ?> run) {
        DeploymentsBuildAction action = run.getAction(DeploymentsBuildAction.class);
        return action == null ? new DeploymentsBuildAction() : action;
    }

    /** Keeps the newest state of an entry: replaces the one with its id, or appends it. */
    public synchronized void record(HistoryEntry entry) {
        String line = new String(HistoryJson.toLine(entry), StandardCharsets.UTF_8).strip();
        List<HistoryEntry> current = entries();
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).id().equals(entry.id())) {
                entries.set(i, line);
                parsed = null;
                return;
            }
        }
        entries.add(line);
        parsed = null;
    }

    /** Notes that pushing the image with {@code digest} changed nothing in ECR (the digest was already there). */
    public synchronized void markUnchanged(String digest) {
        unchangedDigests.add(digest);
    }

    synchronized boolean isUnchanged(String digest) {
        return digest != null && unchangedDigests.contains(digest);
    }

    /** The entries of this build, oldest first; lines that cannot be read (a newer plugin's) are left out. */
    public synchronized List<HistoryEntry> entries() {
        if (parsed == null) {
            List<HistoryEntry> read = new ArrayList<>();
            for (String line : entries) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                HistoryEntry entry =
                        HistoryJson.parseLine(bytes, 0, bytes.length).entry();
                if (entry != null) {
                    read.add(entry);
                }
            }
            parsed = List.copyOf(read);
        }
        return parsed;
    }

    /** The build of the image with {@code digest} in this build, or null. */
    ImageBuildEntry imageBuild(String digest) {
        return entries().stream()
                .filter(ImageBuildEntry.class::isInstance)
                .map(ImageBuildEntry.class::cast)
                .filter(build -> digest.equals(build.digest()))
                .reduce((first, later) -> later)
                .orElse(null);
    }

    @Exported(visibility = 2, inline = true)
    public List<ImageRow> getImages() {
        return entries().stream()
                .filter(ImageBuildEntry.class::isInstance)
                .map(entry -> new ImageRow((ImageBuildEntry) entry, isUnchanged(((ImageBuildEntry) entry).digest())))
                .toList();
    }

    @Exported(visibility = 2, inline = true)
    public List<DeploymentRow> getDeployments() {
        return entries().stream()
                .filter(DeploymentEntry.class::isInstance)
                .map(entry -> new DeploymentRow((DeploymentEntry) entry, decisionUrl((DeploymentEntry) entry)))
                .toList();
    }

    @Exported(visibility = 2, inline = true)
    public List<TaskRunRow> getTaskRuns() {
        return entries().stream()
                .filter(TaskRunEntry.class::isInstance)
                .map(entry -> new TaskRunRow((TaskRunEntry) entry))
                .toList();
    }

    /** The detail page of one image: {@code …/ecs-deploy/image/<id>}. */
    public ImageRow getImage(String id) {
        return getImages().stream()
                .filter(row -> row.getId().equals(id))
                .findFirst()
                .orElse(null);
    }

    /** The detail page of one deployment: {@code …/ecs-deploy/deployment/<id>}. */
    public DeploymentRow getDeployment(String id) {
        return getDeployments().stream()
                .filter(row -> row.getId().equals(id))
                .findFirst()
                .orElse(null);
    }

    /** The detail page of one task run: {@code …/ecs-deploy/task/<id>}. */
    public TaskRunRow getTask(String id) {
        return getTaskRuns().stream()
                .filter(row -> row.getId().equals(id))
                .findFirst()
                .orElse(null);
    }

    /** The build page's Continue and Roll back while this build's deployment waits at a pause, else null. */
    private String decisionUrl(DeploymentEntry entry) {
        if (run == null || entry.status().terminal()) {
            return null;
        }
        for (Action action : run.getActions()) {
            if (action instanceof PausedDeployment paused
                    && paused.isOpen()
                    && entry.service().equals(paused.getService())) {
                return run.getUrl() + action.getUrlName();
            }
        }
        return null;
    }

    /** The build's URL relative to the root ({@code job/app/12/}), for the pages' links; empty when detached. */
    public String getBuildUrl() {
        return run == null ? "" : run.getUrl();
    }

    @Override
    public String getIconFileName() {
        return entries.isEmpty() ? null : "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return "ECS deployments";
    }

    @Override
    public String getUrlName() {
        return "ecs-deploy";
    }

    /** An older build.xml may lack a field; XStream leaves it null. */
    protected Object readResolve() {
        entries = entries == null ? new ArrayList<>() : entries;
        unchangedDigests = unchangedDigests == null ? new LinkedHashSet<>() : unchangedDigests;
        return this;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    /** An action offering the decision at a deployment's pause (the steps' CanaryDecisionAction). */
    public interface PausedDeployment extends Action {
        String getService();

        boolean isOpen();
    }
}
