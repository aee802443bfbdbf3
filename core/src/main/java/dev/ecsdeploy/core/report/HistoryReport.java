package dev.ecsdeploy.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.core.history.EnvironmentOrder;
import dev.ecsdeploy.core.history.History;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryJson;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.ServiceState;
import dev.ecsdeploy.core.history.TimelineFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Renders a history as the report page. The page is {@code report.html} with {@code report.css} and {@code
 * report.js}; the script renders the {@link ReportModel} JSON, which it takes from an embedded {@code <script
 * type="application/json">} element or, when there is none, fetches from the root element's {@code data-url}.
 *
 * <pre>{@code
 * var report = HistoryReport.create(ReportOptions.defaults().withEnvironments(List.of("dev", "staging", "prod")));
 * report.writeStandalone(store.history(), Path.of("history.html"));   // the CLI: one self-contained file
 * byte[] json = report.json(store.history());                         // Jenkins: the endpoint the page fetches
 * String js = HistoryReport.asset("report.js");                       // Jenkins: the script and style it serves
 * }</pre>
 *
 * <p>The standalone file makes no request at all: its Content-Security-Policy allows only its own inline script
 * and style (by hash) and no connections, so even a string that slipped past the escaping could not run.
 */
public final class HistoryReport {
    /** The id of the element the page renders into; the Jenkins page gives it a {@code data-url} attribute. */
    public static final String ROOT_ELEMENT_ID = "ecsdeploy-report";
    /** The id of the embedded JSON element. */
    public static final String DATA_ELEMENT_ID = "ecsdeploy-history-data";
    /** The assets the page needs besides the JSON. */
    public static final List<String> ASSETS = List.of("report.js", "report.css");

    private static final String TEMPLATE = "report.html";
    private final ReportOptions options;
    private final ObjectMapper mapper;

    private HistoryReport(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.mapper = HistoryJson.newMapper();
        this.mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    /** Returns a renderer with the given options. */
    public static HistoryReport create(ReportOptions options) {
        return new HistoryReport(options);
    }

    /** Returns what the page shows, ready to serialise. */
    public ReportModel model(History history) {
        List<String> environments = EnvironmentOrder.sort(history.environments(), options.environments());
        List<HistoryEntry> timeline = history.timeline(TimelineFilter.all());
        List<HistoryEntry> shown = timeline.subList(0, Math.min(options.timelineLimit(), timeline.size()));
        List<ImageBuildEntry> builds = history.builds();
        List<ImageBuildEntry> shownBuilds = builds.subList(0, Math.min(options.buildLimit(), builds.size()));
        var links = new EntryLinks();
        history.current().forEach(state -> {
            links.add(state.running());
            links.add(state.latest());
        });
        shown.forEach(links::add);
        shownBuilds.forEach(links::add);
        return new ReportModel(
                ReportModel.SCHEMA_VERSION,
                options.title(),
                options.generatedAt() != null ? options.generatedAt() : Instant.now(),
                history.entries().size(),
                environments,
                sorted(history.current(), environments),
                history.promotion(environments),
                List.copyOf(shown),
                timeline.size(),
                List.copyOf(shownBuilds),
                links.result());
    }

    /** Returns the page's JSON, as the Jenkins endpoint serves it (HTML-significant characters escaped). */
    public byte[] json(History history) {
        try {
            return mapper.writeValueAsBytes(model(history));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("history report not rendered: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns the self-contained page: styles, script and JSON inline, no external request. */
    public String standaloneHtml(History history) {
        String template = asset(TEMPLATE);
        String css = asset("report.css");
        String js = asset("report.js");
        String json = new String(json(history), StandardCharsets.UTF_8);
        String csp = "default-src 'none'; script-src '" + sha256(js) + "'; style-src '" + sha256(css)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
        // Fill the slots in one pass, so nothing inserted is ever searched for another slot.
        return Template.fill(
                template,
                List.of(
                        new Template.Slot("@CSP@", csp),
                        new Template.Slot("@TITLE@", Template.escapeHtml(options.title())),
                        new Template.Slot("/*@CSS@*/", css),
                        new Template.Slot("@JSON@", json),
                        new Template.Slot("/*@JS@*/", js)));
    }

    /** Writes the self-contained page to a file, replacing it. */
    public void writeStandalone(History history, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, standaloneHtml(history), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("history report not written to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns one of the page's assets ({@link #ASSETS}) as shipped in the core jar. */
    public static String asset(String name) {
        if (!ASSETS.contains(name) && !TEMPLATE.equals(name)) {
            throw new IllegalArgumentException("no report asset " + name + ": the assets are " + ASSETS);
        }
        try (InputStream in = HistoryReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report asset " + name + " is missing from the core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("report asset " + name + " not read: " + e.getMessage(), e);
        }
    }

    private static List<ServiceState> sorted(List<ServiceState> states, List<String> environments) {
        return states.stream()
                .sorted(java.util.Comparator.comparingInt((ServiceState s) -> environments.indexOf(s.environment()))
                        .thenComparing(ServiceState::service))
                .toList();
    }

    private static String sha256(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
