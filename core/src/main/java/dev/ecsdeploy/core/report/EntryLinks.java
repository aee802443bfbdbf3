package dev.ecsdeploy.core.report;

import dev.ecsdeploy.core.history.DeployedImage;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.TaskRunEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects the console links of each entry the page shows. */
final class EntryLinks {
    private final Map<String, Map<String, String>> byKey = new LinkedHashMap<>();

    void add(HistoryEntry entry) {
        if (entry == null || byKey.containsKey(entry.key())) {
            return;
        }
        var links = new LinkedHashMap<String, String>();
        if (entry instanceof DeploymentEntry d) {
            put(links, "cluster", ConsoleLinks.cluster(d.region(), d.cluster()));
            put(links, "service", ConsoleLinks.service(d.region(), d.cluster(), d.service()));
            put(links, "taskDefinition", ConsoleLinks.taskDefinition(d.region(), d.taskDefinitionArn()));
            put(
                    links,
                    "previousTaskDefinition",
                    ConsoleLinks.taskDefinition(d.region(), d.previousTaskDefinitionArn()));
            put(links, "image", imageLink(d.images()));
        } else if (entry instanceof TaskRunEntry t) {
            put(links, "cluster", ConsoleLinks.cluster(t.region(), t.cluster()));
            put(links, "task", ConsoleLinks.task(t.region(), t.cluster(), t.taskArn()));
            put(links, "taskDefinition", ConsoleLinks.taskDefinition(t.region(), t.taskDefinitionArn()));
            put(links, "image", imageLink(t.images()));
        } else {
            ImageBuildEntry b = (ImageBuildEntry) entry;
            put(links, "image", ConsoleLinks.image(b.region(), b.accountId(), b.repository(), b.digest()));
        }
        byKey.put(entry.key(), Map.copyOf(links));
    }

    Map<String, Map<String, String>> result() {
        return java.util.Collections.unmodifiableMap(byKey);
    }

    private static Optional<String> imageLink(List<DeployedImage> images) {
        return images.isEmpty()
                ? Optional.empty()
                : ConsoleLinks.image(images.get(0).image(), images.get(0).digest());
    }

    private static void put(Map<String, String> links, String name, Optional<String> url) {
        url.ifPresent(u -> links.put(name, u));
    }
}
