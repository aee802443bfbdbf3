package io.jenkins.plugins.ecsdeploy.dashboard;

import dev.ecsdeploy.core.dashboard.DashboardViews;
import java.util.List;

/** One line of the job page box: what runs in one environment for one application. */
public final class RunningRow {
    private final DashboardViews.Cell cell;

    private RunningRow(DashboardViews.Cell cell) {
        this.cell = cell;
    }

    static List<RunningRow> of(DashboardViews.Now now) {
        return now.cells().stream()
                .filter(cell -> cell.running() != null || cell.latestStatus() != null)
                .map(RunningRow::new)
                .toList();
    }

    public String getEnvironment() {
        return cell.environment();
    }

    public String getApplication() {
        return cell.application();
    }

    /** The tag and short digest running, or an empty string when nothing succeeded yet. */
    public String getImage() {
        var running = cell.running();
        if (running == null) {
            return "";
        }
        String digest = running.digest() == null ? "" : shortDigest(running.digest());
        return running.tag() == null ? digest : running.tag() + " " + digest;
    }

    public String getSince() {
        return cell.since() == null ? "" : cell.since().toString();
    }

    public String getUser() {
        return cell.running() == null || cell.running().user() == null
                ? ""
                : cell.running().user();
    }

    public String getBuild() {
        var running = cell.running();
        return running == null || running.job() == null
                ? ""
                : running.job() + (running.buildNumber() == null ? "" : " #" + running.buildNumber());
    }

    public String getStatus() {
        return cell.latestStatus() == null ? "" : cell.latestStatus();
    }

    public boolean isKnownGood() {
        return cell.knownGood() != null
                && cell.running() != null
                && cell.knownGood().equals(cell.running().id());
    }

    private static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        String hex = colon < 0 ? digest : digest.substring(colon + 1);
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
