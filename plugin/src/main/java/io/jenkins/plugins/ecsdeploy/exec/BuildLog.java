package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.report.ConsoleLinks;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Turns core's progress events into build-log lines: time, severity, message, and the AWS console URL of the
 * resource the event is about. Every line goes through the {@link SecretMasker} first.
 */
public final class BuildLog implements ProgressListener {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final SecretMasker masker;
    private final String region;
    private final String cluster;

    public BuildLog(PrintStream out, SecretMasker masker, String region, String cluster) {
        this.out = out;
        this.masker = masker;
        this.region = region;
        this.cluster = cluster;
    }

    @Override
    public void onEvent(ProgressEvent event) {
        if (event.kind().equals(EventKinds.DEPLOY_VERDICT) && event.severity() == ProgressEvent.Severity.ERROR) {
            return; // the step's failure, or the abort's summary, says it once
        }
        StringBuilder line = new StringBuilder("[ecs-deploy] ")
                .append(TIME.format(event.time()))
                .append(' ');
        if (event.severity() == ProgressEvent.Severity.WARNING || event.severity() == ProgressEvent.Severity.ERROR) {
            line.append(event.severity()).append(": ");
        }
        line.append(event.message());
        link(event.attributes()).ifPresent(url -> line.append(" <").append(url).append('>'));
        print(line.toString());
    }

    /** Prints a plain line (plans, summaries), masked like the events. */
    public void info(String text) {
        text.lines().forEach(line -> print("[ecs-deploy] " + line));
    }

    /** Prints a line naming a resource, followed by its console URL when there is one. */
    public void resource(String text, Optional<String> url) {
        print("[ecs-deploy] " + text + url.map(u -> " <" + u + ">").orElse(""));
    }

    Optional<String> link(Map<String, String> attributes) {
        String taskArn = attributes.get("taskArn");
        if (taskArn != null) {
            return ConsoleLinks.task(region, cluster, taskArn);
        }
        String taskDefinitionArn = attributes.get("taskDefinitionArn");
        if (taskDefinitionArn != null) {
            return ConsoleLinks.taskDefinition(region, taskDefinitionArn);
        }
        return Optional.empty();
    }

    private void print(String line) {
        out.println(masker.mask(line));
    }
}
