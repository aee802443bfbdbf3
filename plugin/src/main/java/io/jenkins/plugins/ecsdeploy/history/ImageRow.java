package io.jenkins.plugins.ecsdeploy.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.RecordedFinding;
import dev.ecsdeploy.core.history.RecordedGate;
import dev.ecsdeploy.core.history.RecordedScan;
import dev.ecsdeploy.core.report.ConsoleLinks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** An image the build pushed: its tags and digest, and the scan verdict with counts per severity and findings. */
@ExportedBean(defaultVisibility = 2)
public final class ImageRow extends EntryRow {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageBuildEntry entry;
    private final boolean unchanged;

    ImageRow(ImageBuildEntry entry, boolean unchanged) {
        super(entry);
        this.entry = entry;
        this.unchanged = unchanged;
    }

    @Exported
    public String getRepository() {
        return entry.repository();
    }

    @Exported
    public List<String> getTags() {
        return entry.tags();
    }

    public String getTagList() {
        return String.join(", ", entry.tags());
    }

    @Exported
    public String getDigest() {
        return entry.digest();
    }

    @Exported
    public String getImageUri() {
        return entry.imageUri();
    }

    /** Whether the push changed nothing (ECR already had the digest); false for a new image. */
    @Exported
    public boolean isUnchanged() {
        return unchanged;
    }

    @Exported
    public String getBuildTool() {
        return entry.buildTool();
    }

    /** The scan's status (COMPLETE, FAILED, TIMED_OUT…), or null without a scan. */
    @Exported
    public String getScanStatus() {
        return scan() == null ? null : scan().status();
    }

    /** PASSED, FAILED (the gate broke), or NOT_GATED (scanned without thresholds) or null without a scan. */
    @Exported
    public String getVerdict() {
        RecordedGate gate = entry.gate();
        if (gate != null) {
            return gate.passed() ? "PASSED" : "FAILED";
        }
        return scan() == null ? null : "NOT_GATED";
    }

    @Exported
    public String getGatePolicy() {
        return entry.gate() == null ? null : entry.gate().policy();
    }

    /** The findings the allow-list let through (the override), empty without. */
    @Exported
    public List<String> getAllowListed() {
        return entry.gate() == null ? List.of() : entry.gate().allowListed();
    }

    /** Findings per severity, most severe first. */
    @Exported
    public Map<String, Integer> getSeverityCounts() {
        return scan() == null ? Map.of() : scan().severityCounts();
    }

    /** The counts as one line: {@code CRITICAL 1, HIGH 3}. */
    public String getCountsText() {
        StringBuilder text = new StringBuilder();
        getSeverityCounts().forEach((severity, count) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(severity).append(' ').append(count);
        });
        return text.toString();
    }

    @Exported(visibility = 2, inline = true)
    public List<FindingRow> getFindings() {
        return scan() == null
                ? List.of()
                : scan().findings().stream().map(FindingRow::new).toList();
    }

    public String getConsoleUrl() {
        return ConsoleLinks.image(entry.imageUri(), entry.digest()).orElse(null);
    }

    /**
     * The findings as JSON for the page's script, at {@code …/image/<id>/findingsJson} (sorting and filtering happen
     * in the browser). A GET of data the build page already shows: Stapler renders a returned {@link HttpResponse}, and
     * the build's own read permission guards it, so it is no {@code do} method (those require POST).
     */
    public HttpResponse getFindingsJson() {
        List<Map<String, Object>> rows =
                getFindings().stream().map(FindingRow::asMap).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repository", getRepository());
        body.put("digest", getDigest());
        body.put("findings", rows);
        return JsonResponse.of(JSON, body);
    }

    private RecordedScan scan() {
        return entry.scan();
    }

    @Override
    String kind() {
        return "image";
    }

    /** One finding of the scan. */
    @ExportedBean(defaultVisibility = 2)
    public static final class FindingRow {
        private final RecordedFinding finding;

        FindingRow(RecordedFinding finding) {
            this.finding = finding;
        }

        @Exported
        public String getId() {
            return finding.id();
        }

        @Exported
        public String getSeverity() {
            return finding.severity();
        }

        @Exported
        public String getPackageName() {
            return finding.packageName();
        }

        @Exported
        public String getInstalledVersion() {
            return finding.installedVersion();
        }

        @Exported
        public String getFixedVersion() {
            return finding.fixedVersion();
        }

        /** The advisory; only http(s) links are offered to the page. */
        @Exported
        public String getUri() {
            String uri = finding.uri();
            return uri != null && (uri.startsWith("https://") || uri.startsWith("http://")) ? uri : null;
        }

        @Exported
        public String getDescription() {
            return finding.description();
        }

        Map<String, Object> asMap() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", getId());
            row.put("severity", getSeverity());
            row.put("packageName", getPackageName());
            row.put("installedVersion", getInstalledVersion());
            row.put("fixedVersion", getFixedVersion());
            row.put("uri", getUri());
            row.put("description", getDescription());
            return row;
        }
    }
}
