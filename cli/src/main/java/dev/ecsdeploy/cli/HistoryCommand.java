package dev.ecsdeploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.History;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryJson;
import dev.ecsdeploy.core.history.HistoryReconciler;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.ServiceState;
import dev.ecsdeploy.core.history.TaskRunEntry;
import dev.ecsdeploy.core.history.TimelineFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ecsdeploy history}: what runs where, and what happened, from the history store (no AWS call). */
@Command(name = "history", description = "Show what runs in each environment and what happened: table, JSON or HTML.")
final class HistoryCommand extends AwsCommand {
    @Option(names = "--environment", description = "Only this environment.")
    String environment;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "table, json or html (default: ${DEFAULT-VALUE}; --json means json).")
    String format;

    @Option(names = "--output", description = "Write to this file and print its path (html defaults to history.html).")
    Path output;

    @Option(
            names = "--limit",
            defaultValue = "20",
            description = "Timeline rows in the table (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    void validate() {
        if (limit < 0) {
            throw CliFailure.badInput(
                    "invalid --limit " + limit + ": it counts timeline rows, 0 or more", "use --limit 20");
        }
        if (!List.of("table", "json", "html").contains(format())) {
            throw CliFailure.badInput("unknown format " + format + ": use table, json or html", "use --format table");
        }
    }

    @Override
    int run(CliSession session) {
        Path directory = aws.historyDirectory();
        if (!Files.exists(directory.resolve(HistoryStore.JOURNAL))) {
            throw CliFailure.badInput(
                    "no history in " + directory.toAbsolutePath() + ": nothing was recorded there yet",
                    "pass --history DIR where build-push, deploy or run-task recorded, or run one of them first");
        }
        session.reconcileHistory(HistoryReconciler::reconcileAll);
        History history = HistoryStore.open(directory, session.progress()).history();
        requireReadableEntries(directory, history);
        return switch (format()) {
            case "html" -> writeHtml(session, history);
            case "json" -> emit(session, json(history));
            default -> emit(session, table(history));
        };
    }

    /** A journal with lines but no entry is damaged through and through: say so rather than show an empty table. */
    private static void requireReadableEntries(Path directory, History history) {
        Path journal = directory.resolve(HistoryStore.JOURNAL);
        try {
            if (history.entries().isEmpty() && Files.size(journal) > 0) {
                throw CliFailure.badInput(
                        "no readable entry in " + journal.toAbsolutePath() + ": every line is damaged (the warnings"
                                + " above name them)",
                        "the journal is left as it is; compare it with a backup, or pass --history DIR with another"
                                + " history");
            }
        } catch (IOException e) {
            throw new CliFailure(ExitCode.AWS_OR_TOOL_ERROR, "history not read: " + e.getMessage(), null);
        }
    }

    private String format() {
        return aws.json ? "json" : format.toLowerCase(java.util.Locale.ROOT);
    }

    private int writeHtml(CliSession session, History history) {
        Path file = output != null ? output : Path.of("history.html");
        HistoryHtml.write(history, file);
        session.out().println(file.toAbsolutePath());
        session.out().flush();
        return ExitCode.SUCCESS;
    }

    private int emit(CliSession session, String text) {
        if (output == null) {
            session.out().print(text);
            session.out().flush();
            return ExitCode.SUCCESS;
        }
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.AWS_OR_TOOL_ERROR, "history not written: " + e.getMessage(), null);
        }
        session.out().println(output.toAbsolutePath());
        session.out().flush();
        return ExitCode.SUCCESS;
    }

    private String json(History history) {
        ObjectMapper mapper = HistoryJson.newMapper();
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> environments = new LinkedHashMap<>();
        history.currentByEnvironment().forEach((name, states) -> {
            if (environment == null || environment.equals(name)) {
                environments.put(name, states);
            }
        });
        json.put("environments", environments);
        json.put("timeline", history.timeline(filter()));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the history as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private TimelineFilter filter() {
        return environment == null ? TimelineFilter.all() : TimelineFilter.all().withEnvironment(environment);
    }

    private String table(History history) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.printf("%-12s %-16s %-20s %-22s %s%n", "ENVIRONMENT", "SERVICE", "RUNNING", "SINCE", "LATEST");
        for (ServiceState state : history.current()) {
            if (environment == null || environment.equals(state.environment())) {
                out.printf(
                        "%-12s %-16s %-20s %-22s %s%n",
                        state.environment(),
                        state.service(),
                        shortDigest(state.runningDigest()),
                        state.since() == null ? "-" : seconds(state.since()),
                        latest(state));
            }
        }
        out.println();
        out.printf("%-22s %-10s %-12s %-28s %s%n", "TIME", "KIND", "STATUS", "WHERE", "WHAT");
        history.timeline(filter()).stream()
                .limit(limit)
                .forEach(entry -> out.printf(
                        "%-22s %-10s %-12s %-28s %s%n",
                        seconds(entry.time()), entry.kind().type(), entry.status(), where(entry), what(entry)));
        out.flush();
        return text.toString();
    }

    private static String latest(ServiceState state) {
        DeploymentEntry latest = state.latest();
        if (latest == null || latest == state.running()) {
            return "-";
        }
        return latest.status() + (latest.reason() == null ? "" : ": " + oneLine(latest.reason()));
    }

    private static String where(HistoryEntry entry) {
        if (entry instanceof DeploymentEntry d) {
            return d.environment() + "/" + d.service();
        }
        if (entry instanceof TaskRunEntry t) {
            return t.environment() + "/" + (t.service() == null ? t.cluster() : t.service());
        }
        return ((ImageBuildEntry) entry).repository();
    }

    private static String what(HistoryEntry entry) {
        if (entry instanceof DeploymentEntry d) {
            return d.strategy() + " " + shortDigest(d.primaryDigest())
                    + (d.reason() == null ? "" : ": " + oneLine(d.reason()));
        }
        if (entry instanceof TaskRunEntry t) {
            return "exit " + t.exitCode() + (t.reason() == null ? "" : ": " + oneLine(t.reason()));
        }
        ImageBuildEntry b = (ImageBuildEntry) entry;
        String gate = b.gate() == null ? "" : ", gate " + (b.gate().passed() ? "passed" : "broken");
        return String.join(",", b.tags()) + " " + shortDigest(b.digest()) + " (" + b.buildTool() + gate + ")";
    }

    private static String shortDigest(String digest) {
        if (digest == null) {
            return "-";
        }
        return digest.startsWith("sha256:") && digest.length() > 19 ? digest.substring(0, 19) : digest;
    }

    private static String seconds(java.time.Instant time) {
        return time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** The first clause of a reason (ECS's verdict), on one line; the whole reason is in --json and the report. */
    private static String oneLine(String text) {
        int clause = text.indexOf("; ");
        String line = (clause < 0 ? text : text.substring(0, clause))
                .replaceAll("\\s+", " ")
                .trim();
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
