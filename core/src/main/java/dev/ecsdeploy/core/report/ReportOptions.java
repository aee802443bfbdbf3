package dev.ecsdeploy.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How a report is made. Start from {@link #defaults()}.
 *
 * @param title the page title
 * @param environments environments in promotion order (dev, staging, prod); those not listed follow in the usual
 *     order ({@link dev.ecsdeploy.core.history.EnvironmentOrder})
 * @param timelineLimit how many of the newest timeline entries the page carries; the cards and the promotion view
 *     always cover the whole history
 * @param buildLimit how many of the newest image builds (with their findings) the page carries
 * @param generatedAt the time printed as the report's date, or null for now
 */
public record ReportOptions(
        String title, List<String> environments, int timelineLimit, int buildLimit, Instant generatedAt) {
    public ReportOptions {
        Objects.requireNonNull(title, "title");
        environments = List.copyOf(environments);
        if (timelineLimit < 1 || buildLimit < 0) {
            throw new IllegalArgumentException("report options are invalid: timelineLimit must be at least 1 and"
                    + " buildLimit at least 0 (got " + timelineLimit + " and " + buildLimit + ")");
        }
    }

    /** Returns the defaults: title "Deployment history", usual environment order, 1,000 entries, 100 builds. */
    public static ReportOptions defaults() {
        return new ReportOptions("Deployment history", List.of(), 1_000, 100, null);
    }

    public ReportOptions withTitle(String title) {
        return new ReportOptions(title, environments, timelineLimit, buildLimit, generatedAt);
    }

    public ReportOptions withEnvironments(List<String> environments) {
        return new ReportOptions(title, environments, timelineLimit, buildLimit, generatedAt);
    }

    public ReportOptions withTimelineLimit(int timelineLimit) {
        return new ReportOptions(title, environments, timelineLimit, buildLimit, generatedAt);
    }

    public ReportOptions withBuildLimit(int buildLimit) {
        return new ReportOptions(title, environments, timelineLimit, buildLimit, generatedAt);
    }

    public ReportOptions withGeneratedAt(Instant generatedAt) {
        return new ReportOptions(title, environments, timelineLimit, buildLimit, generatedAt);
    }
}
