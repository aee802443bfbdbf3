package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.operation.OperationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A realistic history: two services promoted dev → staging → prod, a deployment the circuit breaker rolled back,
 * a failed one, one still in progress, migrations, and image scans with findings (one with a hostile description).
 */
public final class HistoryFixtures {
    public static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    public static final String REGION = "eu-west-1";
    public static final String ACCOUNT = "123456789012";
    public static final String REGISTRY = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com";
    public static final String XSS = "<img src=x onerror=alert(1)>";
    public static final String SCRIPT_BREAKOUT = "</script><script>alert(2)</script>";
    public static final String WEB_1 = digest('1');
    public static final String WEB_2 = digest('2');
    public static final String WEB_3 = digest('3');
    public static final String WORKER_1 = digest('a');
    public static final String WORKER_2 = digest('b');

    private HistoryFixtures() {}

    public static String digest(char fill) {
        return "sha256:" + String.valueOf(fill).repeat(64);
    }

    public static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** Returns the entries in the order they were recorded, in-progress updates included. */
    public static List<HistoryEntry> demoHistory() {
        var entries = new ArrayList<HistoryEntry>();
        entries.add(build("b-101", "web", WEB_1, 0, List.of("1.0.0"), scan(0, 1, 3), true));
        entries.add(deployment("d-1", "dev", "web", "rolling", WEB_1, 10, OperationStatus.SUCCEEDED, null));
        entries.add(deployment("d-2", "staging", "web", "rolling", WEB_1, 20, OperationStatus.SUCCEEDED, null));
        entries.add(deployment("d-3", "prod", "web", "canary", WEB_1, 30, OperationStatus.SUCCEEDED, null));
        entries.add(build("b-102", "web", WEB_2, 100, List.of("1.1.0", SCRIPT_BREAKOUT), scan(0, 2, 5), true));
        entries.add(deployment("d-4", "dev", "web", "rolling", WEB_2, 110, OperationStatus.SUCCEEDED, null));
        entries.add(deployment("d-5", "staging", "web", "rolling", WEB_2, 120, OperationStatus.SUCCEEDED, null));
        entries.add(deployment("d-6", "prod", "web", "canary", WEB_2, 130, OperationStatus.IN_PROGRESS, null));
        entries.add(deployment(
                        "d-6",
                        "prod",
                        "web",
                        "canary",
                        WEB_2,
                        130,
                        OperationStatus.ROLLED_BACK,
                        "circuit breaker tripped after 3 failed tasks (task 4f2a: exit code 1, \"Essential container in"
                                + " task exited\")")
                .toBuilder()
                .details(
                        "service deployment arn:aws:ecs:eu-west-1:1:service-deployment/shop-prod/web/d6: ROLLBACK_SUCCESSFUL\n"
                                + "task 4f2a stopped: exit code 1 (container web) " + SCRIPT_BREAKOUT)
                .build());
        entries.add(task("t-1", "prod", "web", 140, OperationStatus.SUCCEEDED, 0, null));
        entries.add(build("b-103", "web", WEB_3, 200, List.of("1.2.0"), scanWithXss(), false));
        entries.add(deployment("d-7", "dev", "web", "rolling", WEB_3, 210, OperationStatus.SUCCEEDED, null));
        entries.add(build("b-201", "worker", WORKER_1, 50, List.of("2.0.0"), scan(0, 0, 1), true));
        entries.add(deployment("d-8", "dev", "worker", "rolling", WORKER_1, 60, OperationStatus.SUCCEEDED, null));
        entries.add(deployment("d-9", "prod", "worker", "rolling", WORKER_1, 70, OperationStatus.SUCCEEDED, null));
        entries.add(build("b-202", "worker", WORKER_2, 220, List.of("2.1.0"), scan(0, 0, 0), true));
        entries.add(deployment(
                "d-10",
                "dev",
                "worker",
                "rolling",
                WORKER_2,
                230,
                OperationStatus.FAILED,
                "deployment timed out after 15m: 0 of 2 tasks healthy"));
        entries.add(task("t-2", "dev", "worker", 240, OperationStatus.FAILED, 1, "Essential container in task exited"));
        entries.add(deployment(
                "d-11", "staging", "api", "blue-green", digest('c'), 250, OperationStatus.IN_PROGRESS, null));
        return entries;
    }

    public static ImageBuildEntry build(
            String id,
            String repository,
            String digest,
            int minute,
            List<String> tags,
            RecordedScan scan,
            boolean passed) {
        return ImageBuildEntry.builder()
                .id(id)
                .recordedAt(at(minute + 3))
                .region(REGION)
                .accountId(ACCOUNT)
                .registry(REGISTRY)
                .repository(repository)
                .tags(tags)
                .digest(digest)
                .buildTool("jib")
                .scan(scan)
                .gate(new RecordedGate(passed, "CRITICAL=0,HIGH=5", passed ? "within the gate" : "1 CRITICAL > 0"))
                .status(passed ? OperationStatus.SUCCEEDED : OperationStatus.FAILED)
                .reason(passed ? null : "scan gate broken: 1 CRITICAL finding, the gate allows 0")
                .startedAt(at(minute))
                .finishedAt(at(minute + 3))
                .origin(new Origin("alice", "shop/web", 40 + minute, "https://jenkins.example.com/job/shop/" + minute))
                .build();
    }

    public static DeploymentEntry deployment(
            String id,
            String environment,
            String service,
            String strategy,
            String digest,
            int minute,
            OperationStatus status,
            String reason) {
        boolean done = status.terminal();
        var builder = DeploymentEntry.builder()
                .id(id)
                .recordedAt(at(minute + (done ? 8 : 1)))
                .region(REGION)
                .accountId(ACCOUNT)
                .environment(environment)
                .cluster("shop-" + environment)
                .service(service)
                .strategy(strategy)
                .previousTaskDefinitionArn(taskDefinition(service, minute - 1))
                .taskDefinitionArn(taskDefinition(service, minute))
                .addImage(new DeployedImage(service, REGISTRY + "/" + service + "@" + digest, digest))
                .status(status)
                .reason(reason)
                .startedAt(at(minute))
                .finishedAt(done ? at(minute + 8) : null)
                .origin(new Origin(
                        "bob",
                        "shop/deploy-" + environment,
                        minute,
                        "https://jenkins.example.com/job/" + environment + "/" + minute + "/"))
                .addEvent(new HistoryEvent(at(minute), "(service " + service + ") has started 2 tasks"));
        if (status == OperationStatus.ROLLED_BACK) {
            builder.addEvent(new HistoryEvent(
                    at(minute + 5),
                    "(service " + service + ") deployment failed: " + SCRIPT_BREAKOUT + " tasks failed to start"));
        }
        if (done) {
            builder.addEvent(new HistoryEvent(at(minute + 8), "(service " + service + ") has reached a steady state."));
        }
        return builder.build();
    }

    public static TaskRunEntry task(
            String id,
            String environment,
            String service,
            int minute,
            OperationStatus status,
            int exit,
            String reason) {
        return TaskRunEntry.builder()
                .id(id)
                .recordedAt(at(minute + 2))
                .region(REGION)
                .accountId(ACCOUNT)
                .environment(environment)
                .cluster("shop-" + environment)
                .service(service)
                .taskDefinitionArn(taskDefinition(service + "-migrate", minute))
                .taskArn("arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":task/shop-" + environment + "/" + id + "0000")
                .command(List.of("migrate", "--apply"))
                .exitCode(exit)
                .status(status)
                .reason(reason)
                .startedAt(at(minute))
                .finishedAt(at(minute + 2))
                .origin(Origin.user("carol"))
                .addEvent(new HistoryEvent(at(minute + 1), "Applying migration 0042_orders"))
                .build();
    }

    public static String taskDefinition(String family, int revision) {
        return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":task-definition/" + family + ":" + Math.max(1, revision);
    }

    public static RecordedScan scan(int critical, int high, int medium) {
        var findings = new ArrayList<RecordedFinding>();
        for (int i = 0; i < high; i++) {
            findings.add(finding("CVE-2026-10" + i, "HIGH", "openssl", "3.0.1", "3.0.9", "buffer overflow in openssl"));
        }
        for (int i = 0; i < medium; i++) {
            findings.add(finding("CVE-2026-20" + i, "MEDIUM", "zlib", "1.2.11", null, "inflate reads past the end"));
        }
        return new RecordedScan("COMPLETE", T0, Map.of("CRITICAL", critical, "HIGH", high, "MEDIUM", medium), findings);
    }

    static RecordedScan scanWithXss() {
        var findings = List.of(
                finding("CVE-2026-9999", "CRITICAL", "libxml2", "2.9.10", "2.9.14", XSS),
                finding("CVE-2026-1001", "HIGH", "openssl", "3.0.1", "3.0.9", "buffer overflow in openssl"));
        return new RecordedScan("COMPLETE", T0, Map.of("HIGH", 1, "CRITICAL", 1), findings);
    }

    static RecordedFinding finding(
            String id, String severity, String pkg, String installed, String fixed, String text) {
        return new RecordedFinding(id, severity, pkg, installed, fixed, "https://nvd.nist.gov/vuln/detail/" + id, text);
    }
}
