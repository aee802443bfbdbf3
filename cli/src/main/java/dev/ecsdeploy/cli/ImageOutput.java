package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.ecr.PushResult;
import dev.ecsdeploy.core.ecr.scan.GateVerdict;
import dev.ecsdeploy.core.ecr.scan.ScanFinding;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.ecr.scan.ScanVerdict;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints a pushed image and its scan: a summary (or JSON) on standard output, and the exit code they mean. */
final class ImageOutput {
    private ImageOutput() {}

    static int print(CliSession session, PushResult pushed, ScanResult scan) {
        if (session.json()) {
            Map<String, Object> json = json(pushed);
            json.put("scan", scan == null ? null : json(scan));
            JsonOutput.print(session.out(), json);
        } else {
            summary(session.out(), pushed, scan);
        }
        if (scan != null && scan.verdict() == ScanVerdict.FAIL) {
            throw CliFailure.operationFailed(
                    "image " + pushed.imageUri() + " failed its scan gate: " + scan.message(),
                    "fix the findings, or raise the limits with --fail-on if they are accepted");
        }
        if (scan != null && scan.verdict() == ScanVerdict.UNSTABLE) {
            session.progress().say("warning: " + scan.message());
        }
        return ExitCode.SUCCESS;
    }

    static Map<String, Object> json(PushResult pushed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("repositoryUri", pushed.repositoryUri());
        json.put("imageUri", pushed.imageUri());
        json.put("digest", pushed.digest());
        json.put("tags", pushed.tags());
        json.put("builder", pushed.builder());
        json.put("changed", pushed.changed());
        json.put("reproducible", pushed.reproducible());
        if (!pushed.reproducible()) {
            json.put("notReproducibleReason", pushed.notReproducibleReason());
        }
        json.put("sizeInBytes", pushed.sizeInBytes());
        json.put("pushedAt", pushed.pushedAt());
        return json;
    }

    private static Map<String, Object> json(ScanResult scan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", scan.outcome().name());
        json.put("verdict", scan.verdict().name());
        json.put("message", scan.message());
        scan.findings().ifPresent(report -> {
            json.put("severityCounts", report.severityCounts());
            json.put(
                    "findings",
                    report.findings().stream().map(ImageOutput::finding).toList());
        });
        if (scan.gate() != null) {
            json.put("gate", gate(scan.gate()));
        }
        return json;
    }

    private static Map<String, Object> gate(GateVerdict gate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", gate.passed());
        json.put(
                "broken",
                gate.broken().stream()
                        .map(GateVerdict.BrokenThreshold::describe)
                        .toList());
        json.put("allowListed", gate.allowListed());
        return json;
    }

    private static Map<String, Object> finding(ScanFinding finding) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", finding.id());
        json.put("severity", finding.severity().name());
        json.put("packageName", finding.packageName());
        json.put("installedVersion", finding.installedVersion());
        json.put("fixedVersion", finding.fixedVersion());
        json.put("uri", finding.uri());
        json.put("description", finding.description());
        return json;
    }

    private static void summary(PrintWriter out, PushResult pushed, ScanResult scan) {
        out.println("image:   " + pushed.imageUri());
        out.println("tags:    " + String.join(", ", pushed.tags()));
        out.println("builder: " + pushed.builder());
        if (scan != null) {
            out.println("scan:    " + scan.message());
        }
        out.flush();
    }
}
