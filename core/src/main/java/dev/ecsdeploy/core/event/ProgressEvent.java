package dev.ecsdeploy.core.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something worth telling the person waiting: a phase change, a service event, a log line, a warning. The CLI prints
 * it to standard error and the plugin to the build log; core never prints.
 *
 * @param time when it happened (AWS's timestamp where AWS gave one)
 * @param severity how loudly to show it
 * @param kind a stable machine-readable category such as {@code deploy.phase}, {@code ecs.event} or {@code task.log}
 * @param message the human-readable text, never containing a secret
 * @param attributes structured details (ids, ARNs, counts) for renderers that want them
 */
public record ProgressEvent(
        Instant time, Severity severity, String kind, String message, Map<String, String> attributes) {
    public enum Severity {
        DEBUG,
        INFO,
        WARNING,
        ERROR
    }

    public ProgressEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static ProgressEvent info(Instant time, String kind, String message) {
        return new ProgressEvent(time, Severity.INFO, kind, message, Map.of());
    }

    public static ProgressEvent warning(Instant time, String kind, String message) {
        return new ProgressEvent(time, Severity.WARNING, kind, message, Map.of());
    }

    public static ProgressEvent error(Instant time, String kind, String message) {
        return new ProgressEvent(time, Severity.ERROR, kind, message, Map.of());
    }

    public ProgressEvent withAttribute(String key, String value) {
        var copy = new java.util.LinkedHashMap<>(attributes);
        copy.put(key, value);
        return new ProgressEvent(time, severity, kind, message, copy);
    }
}
