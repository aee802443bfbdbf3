package dev.ecsdeploy.emulator.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a simulated container behaves, read from the OCI config labels of the image it runs. The labels are a public
 * contract (see the emulator's README): a real client builds an image with them, pushes it to the emulator's
 * registry, and ECS tasks running that image behave accordingly.
 *
 * @param health healthy, unhealthy or crash
 * @param startup time from PENDING until the container runs (and, for services, passes its checks)
 * @param run how long a one-off task runs before it exits
 * @param exitCode the exit code of a one-off task (crashing containers exit with 1 unless this says otherwise)
 * @param logLines the lines the container writes, spread evenly over its run time
 * @param findings scan findings per severity, such as CRITICAL=1
 */
public record Workload(
        Health health,
        Duration startup,
        Duration run,
        int exitCode,
        List<String> logLines,
        Map<String, Integer> findings) {
    public static final String LABEL_PREFIX = "dev.ecsdeploy.emulator.";
    public static final String HEALTH_LABEL = LABEL_PREFIX + "health";
    public static final String STARTUP_LABEL = LABEL_PREFIX + "startup-seconds";
    public static final String RUN_LABEL = LABEL_PREFIX + "run-seconds";
    public static final String EXIT_CODE_LABEL = LABEL_PREFIX + "exit-code";
    public static final String LOG_LINES_LABEL = LABEL_PREFIX + "log-lines";
    public static final String FINDINGS_LABEL = LABEL_PREFIX + "findings";

    public static final Workload DEFAULT =
            new Workload(Health.HEALTHY, Duration.ofSeconds(5), Duration.ofSeconds(10), 0, List.of(), Map.of());

    public Workload {
        logLines = List.copyOf(logLines);
        findings = Map.copyOf(findings);
    }

    /** Reads the behaviour labels; labels that are absent keep their defaults. */
    public static Workload fromLabels(Map<String, String> labels) {
        Map<String, String> safe = labels == null ? Map.of() : labels;
        return new Workload(
                safe.containsKey(HEALTH_LABEL) ? Health.parse(safe.get(HEALTH_LABEL)) : DEFAULT.health(),
                seconds(safe, STARTUP_LABEL, DEFAULT.startup()),
                seconds(safe, RUN_LABEL, DEFAULT.run()),
                integer(safe, EXIT_CODE_LABEL, DEFAULT.exitCode()),
                safe.containsKey(LOG_LINES_LABEL) ? splitLines(safe.get(LOG_LINES_LABEL)) : List.of(),
                safe.containsKey(FINDINGS_LABEL) ? parseFindings(safe.get(FINDINGS_LABEL)) : Map.of());
    }

    public Workload withHealth(Health newHealth) {
        return new Workload(newHealth, startup, run, exitCode, logLines, findings);
    }

    public Workload withRun(Duration newRun) {
        return new Workload(health, startup, newRun, exitCode, logLines, findings);
    }

    public Workload withStartup(Duration newStartup) {
        return new Workload(health, newStartup, run, exitCode, logLines, findings);
    }

    public Workload withExitCode(int newExitCode) {
        return new Workload(health, startup, run, newExitCode, logLines, findings);
    }

    public Workload withLogLines(List<String> newLogLines) {
        return new Workload(health, startup, run, exitCode, newLogLines, findings);
    }

    public Workload withFindings(Map<String, Integer> newFindings) {
        return new Workload(health, startup, run, exitCode, logLines, newFindings);
    }

    /** Lines are separated by real newlines or by the two characters backslash-n, as a Dockerfile LABEL keeps them. */
    static List<String> splitLines(String value) {
        List<String> lines = new ArrayList<>();
        for (String line : value.replace("\\n", "\n").split("\n", -1)) {
            lines.add(line);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static Map<String, Integer> parseFindings(String value) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "label " + FINDINGS_LABEL + " must look like CRITICAL=1,HIGH=2: " + value);
            }
            counts.put(parts[0].trim().toUpperCase(java.util.Locale.ROOT), Integer.parseInt(parts[1].trim()));
        }
        return counts;
    }

    private static Duration seconds(Map<String, String> labels, String key, Duration fallback) {
        String value = labels.get(key);
        return value == null ? fallback : Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000));
    }

    private static int integer(Map<String, String> labels, String key, int fallback) {
        String value = labels.get(key);
        return value == null ? fallback : Integer.parseInt(value.trim());
    }
}
