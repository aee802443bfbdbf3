package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.ecr.PushResult;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.ecr.scan.ScanVerdict;
import dev.ecsdeploy.core.history.DeployedImage;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.Finding;
import dev.ecsdeploy.core.history.GateVerdict;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryEvent;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.Origin;
import dev.ecsdeploy.core.history.ScanReport;
import dev.ecsdeploy.core.history.TaskRunEntry;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.task.ContainerResult;
import dev.ecsdeploy.core.task.TaskResult;
import dev.ecsdeploy.core.task.TaskRunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Translates what a command did into history entries and appends them to the store in one directory (the CLI keeps
 * one store per directory). A store that cannot be written costs a warning, never the command's verdict.
 */
final class HistoryRecorder {
    private static final int MAX_EVENTS = 200;

    private final Path directory;
    private final CliSession session;

    HistoryRecorder(Path directory, CliSession session) {
        this.directory = directory;
        this.session = session;
    }

    Path directory() {
        return directory;
    }

    void deployment(DeploymentRecord record) {
        String arn = record.newTaskDefinitionArn();
        append(DeploymentEntry.builder()
                .id(firstNonNull(record.serviceDeploymentArn(), record.deploymentId(), newId()))
                .recordedAt(now())
                .region(region())
                .accountId(accountOf(arn))
                .environment(record.environment())
                .cluster(record.cluster())
                .service(record.service())
                .strategy(record.strategy())
                .previousTaskDefinitionArn(record.previousTaskDefinitionArn())
                .taskDefinitionArn(arn)
                .images(images(record.imageDigests()))
                .serviceDeploymentArn(record.serviceDeploymentArn())
                .status(record.operationStatus())
                .reason(record.succeeded() || record.reason().isBlank() ? null : record.reason())
                .startedAt(record.startedAt())
                .finishedAt(record.finishedAt())
                .events(lastEvents(record.events().stream()
                        .map(e -> new HistoryEvent(e.time(), e.message()))
                        .toList()))
                .origin(origin())
                .build());
    }

    void build(PushResult pushed, ScanResult scan, String policy, Instant startedAt) {
        boolean gateBroken = scan != null && scan.verdict() == ScanVerdict.FAIL;
        append(ImageBuildEntry.builder()
                .id(newId())
                .recordedAt(now())
                .region(region())
                .registry(pushed.registry())
                .repository(repositoryName(pushed))
                .tags(pushed.tags())
                .digest(pushed.digest())
                .buildTool(pushed.builder())
                .scan(scan == null ? null : scanReport(scan))
                .gate(scan == null || scan.gate() == null ? null : gate(scan, policy))
                .status(gateBroken ? OperationStatus.FAILED : OperationStatus.SUCCEEDED)
                .reason(gateBroken ? scan.message() : null)
                .startedAt(startedAt)
                .finishedAt(now())
                .origin(origin())
                .build());
    }

    void task(
            String environment,
            String cluster,
            String service,
            TaskRunResult result,
            Map<String, String> images,
            List<String> command) {
        TaskResult first = result.tasks().isEmpty() ? null : result.tasks().get(0);
        append(TaskRunEntry.builder()
                .id(first == null ? newId() : first.taskArn())
                .recordedAt(now())
                .region(region())
                .accountId(accountOf(result.taskDefinitionArn()))
                .environment(environment)
                .cluster(cluster)
                .service(service)
                .taskDefinitionArn(result.taskDefinitionArn())
                .taskArn(first == null ? null : first.taskArn())
                .images(images(images))
                .command(command)
                .exitCode(first == null ? null : exitCode(first))
                .status(result.operationStatus())
                .reason(result.succeeded() ? null : result.message())
                .startedAt(first == null ? null : first.startedAt())
                .finishedAt(first == null ? null : first.stoppedAt())
                .events(result.problems().stream()
                        .map(p -> new HistoryEvent(now(), p))
                        .toList())
                .origin(origin())
                .build());
    }

    private void append(HistoryEntry entry) {
        try {
            HistoryStore.open(directory, session.progress()).append(entry);
        } catch (RuntimeException e) {
            session.progress().say("warning: history not recorded in " + directory + ": " + e.getMessage());
        }
    }

    private static List<DeployedImage> images(Map<String, String> byContainer) {
        return byContainer.entrySet().stream()
                .map(e -> new DeployedImage(e.getKey(), e.getValue(), digestOf(e.getValue())))
                .toList();
    }

    private static String digestOf(String image) {
        int at = image.indexOf('@');
        return at < 0 ? null : image.substring(at + 1);
    }

    private static Integer exitCode(TaskResult task) {
        return task.containers().stream()
                .filter(ContainerResult::essential)
                .map(ContainerResult::exitCode)
                .filter(Objects::nonNull)
                .filter(code -> code != 0)
                .findFirst()
                .orElseGet(() -> task.containers().stream()
                        .map(ContainerResult::exitCode)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null));
    }

    private static ScanReport scanReport(ScanResult scan) {
        return scan.findings()
                .map(report -> {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    report.severityCounts().forEach((severity, count) -> counts.put(severity.name(), count));
                    List<Finding> findings = report.findings().stream()
                            .map(f -> new Finding(
                                    f.id(),
                                    f.severity().name(),
                                    f.packageName(),
                                    f.installedVersion(),
                                    f.fixedVersion(),
                                    f.uri(),
                                    f.description()))
                            .toList();
                    return new ScanReport(report.status(), report.completedAt(), counts, findings);
                })
                .orElseGet(() -> new ScanReport(scan.outcome().name(), null, Map.of(), List.of()));
    }

    private static GateVerdict gate(ScanResult scan, String policy) {
        return new GateVerdict(scan.gate().passed(), policy, scan.gate().describe());
    }

    private static List<HistoryEvent> lastEvents(List<HistoryEvent> events) {
        return events.size() <= MAX_EVENTS ? events : events.subList(events.size() - MAX_EVENTS, events.size());
    }

    private static String repositoryName(PushResult pushed) {
        String prefix = pushed.registry() + "/";
        String uri = pushed.repositoryUri();
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
    }

    /** The account is the fifth field of an ARN: arn:aws:ecs:region:account:…; null when unknown. */
    private static String accountOf(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : null;
    }

    private Instant now() {
        return session.time().instant();
    }

    private String region() {
        return session.connection().region().id();
    }

    private static Origin origin() {
        return Origin.user(System.getProperty("user.name"));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
