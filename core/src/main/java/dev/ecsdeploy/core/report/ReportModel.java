package dev.ecsdeploy.core.report;

import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.PromotionView;
import dev.ecsdeploy.core.history.ServiceState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON the report page renders: the history model's own types, trimmed to what one page shows, plus console
 * links. The page needs nothing else, so the Jenkins endpoint serves exactly this.
 *
 * @param schemaVersion the version of this JSON shape
 * @param title the page title
 * @param generatedAt when it was made
 * @param entryCount how many entries the whole history has
 * @param environments the environments in promotion order
 * @param current what runs now in every (environment, service)
 * @param promotion the promotion view over {@code environments}
 * @param timeline the newest entries, newest first (at most the timeline limit)
 * @param timelineTotal how many entries the full timeline has
 * @param builds the newest image builds with their scans, newest first
 * @param links console links per entry key ({@code deployment:<id>}) and link name (cluster, service,
 *     taskDefinition, previousTaskDefinition, task, image)
 */
public record ReportModel(
        int schemaVersion,
        String title,
        Instant generatedAt,
        int entryCount,
        List<String> environments,
        List<ServiceState> current,
        PromotionView promotion,
        List<HistoryEntry> timeline,
        int timelineTotal,
        List<ImageBuildEntry> builds,
        Map<String, Map<String, String>> links) {
    /** The version of the JSON shape this code writes. */
    public static final int SCHEMA_VERSION = 1;
}
