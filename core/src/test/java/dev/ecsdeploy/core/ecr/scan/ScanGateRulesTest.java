package dev.ecsdeploy.core.ecr.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's counting rules on hand-made reports. */
class ScanGateRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void shouldCountFindingsEcrReportedButDidNotList() {
        ScanReport report = new ScanReport(
                "COMPLETE",
                null,
                Map.of(FindingSeverity.HIGH, 7),
                List.of(finding("CVE-1", FindingSeverity.HIGH)),
                NOW);
        ScanGate gate = ScanGate.of(Map.of(FindingSeverity.HIGH, 5), List.of(AllowListEntry.of("CVE-1")));

        GateVerdict verdict = gate.evaluate(report, NOW);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.broken().get(0).count())
                .as("6 unlisted HIGH findings cannot be allow-listed")
                .isEqualTo(6);
    }

    @Test
    void shouldTreatTheExpiryDateAsTheLastAllowedDay() {
        ScanReport report = new ScanReport(
                "COMPLETE",
                null,
                Map.of(FindingSeverity.CRITICAL, 1),
                List.of(finding("CVE-9", FindingSeverity.CRITICAL)),
                NOW);
        ScanGate today = ScanGate.of(
                Map.of(FindingSeverity.CRITICAL, 0), List.of(AllowListEntry.until("CVE-9", LocalDate.of(2026, 3, 1))));
        ScanGate yesterday = ScanGate.of(
                Map.of(FindingSeverity.CRITICAL, 0), List.of(AllowListEntry.until("CVE-9", LocalDate.of(2026, 2, 28))));

        assertThat(today.evaluate(report, NOW).passed()).isTrue();
        assertThat(yesterday.evaluate(report, NOW).passed()).isFalse();
    }

    @Test
    void shouldNotLimitSeveritiesWithoutAThreshold() {
        ScanReport report = new ScanReport("ACTIVE", null, Map.of(FindingSeverity.LOW, 100), List.of(), NOW);

        assertThat(ScanGate.of(Map.of(FindingSeverity.CRITICAL, 0), List.of())
                        .evaluate(report, NOW)
                        .passed())
                .isTrue();
        assertThat(report.summary()).isEqualTo("CRITICAL=0 HIGH=0 MEDIUM=0 LOW=100");
    }

    @Test
    void shouldParseTimeoutVerdicts() {
        assertThat(ScanVerdict.parse("fail")).isEqualTo(ScanVerdict.FAIL);
        assertThat(ScanVerdict.parse("unstable")).isEqualTo(ScanVerdict.UNSTABLE);
        assertThat(ScanVerdict.parse("ignore")).isEqualTo(ScanVerdict.PASS);
    }

    private static ScanFinding finding(String id, FindingSeverity severity) {
        return new ScanFinding(id, severity, "openssl", "3.0.1", "3.0.2", "https://example.com/" + id, "text");
    }
}
