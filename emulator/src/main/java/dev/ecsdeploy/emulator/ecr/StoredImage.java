package dev.ecsdeploy.emulator.ecr;

import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One image (manifest) in a repository: its manifest, push time, the behaviour read from its config labels, the
 * findings the scanner will report, and its scan state. Tags live in the repository, which maps them to digests.
 */
final class StoredImage {
    private final Manifest manifest;
    private final Instant pushedAt;
    private final long sizeInBytes;
    private final Map<String, String> labels;
    private final Workload workload;
    private List<ScanFinding> findings;
    private ImageScan scan;
    private Instant lastBasicScanAt;

    StoredImage(Manifest manifest, Instant pushedAt, long sizeInBytes, Map<String, String> labels, Workload workload) {
        this.manifest = manifest;
        this.pushedAt = pushedAt;
        this.sizeInBytes = sizeInBytes;
        this.labels = Map.copyOf(labels);
        this.workload = workload;
        this.findings = FindingGenerator.generate(manifest.digest(), workload.findings());
    }

    String digest() {
        return manifest.digest();
    }

    Manifest manifest() {
        return manifest;
    }

    Instant pushedAt() {
        return pushedAt;
    }

    long sizeInBytes() {
        return sizeInBytes;
    }

    Map<String, String> labels() {
        return labels;
    }

    Workload workload() {
        return workload;
    }

    List<ScanFinding> findings() {
        return findings;
    }

    void findings(List<ScanFinding> newFindings) {
        this.findings = List.copyOf(newFindings);
    }

    ImageScan scan() {
        return scan;
    }

    void scan(ImageScan newScan) {
        this.scan = newScan;
        if (!newScan.enhanced()) {
            lastBasicScanAt = newScan.startedAt();
        }
    }

    void clearScan() {
        this.scan = null;
    }

    Instant lastBasicScanAt() {
        return lastBasicScanAt;
    }
}
