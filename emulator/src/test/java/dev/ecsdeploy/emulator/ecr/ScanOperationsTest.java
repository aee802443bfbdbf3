package dev.ecsdeploy.emulator.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.EnhancedImageScanFinding;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LimitExceededException;
import software.amazon.awssdk.services.ecr.model.ScanFrequency;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;
import software.amazon.awssdk.services.ecr.model.ScanStatus;
import software.amazon.awssdk.services.ecr.model.ScanType;
import software.amazon.awssdk.services.ecr.model.ScanningRepositoryFilterType;
import software.amazon.awssdk.services.ecr.model.ValidationException;

class ScanOperationsTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private EcrClient ecr;
    private EcrService service;

    @BeforeEach
    void setUp() {
        ecr = aws.ecr();
        service = aws.emulator().ecr();
        ecr.createRepository(r -> r.repositoryName("app"));
    }

    @Test
    void shouldAnswerScanNotFoundForAnImageNeverScanned() {
        service.putSyntheticImage("app", "v1", Map.of());

        assertThatThrownBy(() -> findings("v1"))
                .isInstanceOf(ScanNotFoundException.class)
                .hasMessageContaining("Image scan does not exist");
    }

    @Test
    void shouldCompleteABasicScanAfterItsDurationWithFindingsFromTheLabel() {
        service.putSyntheticImage("app", "v1", Map.of(Workload.FINDINGS_LABEL, "CRITICAL=1,HIGH=2"));
        Instant started = aws.emulator().now();

        var start = ecr.startImageScan(r -> r.repositoryName("app").imageId(i -> i.imageTag("v1")));
        aws.emulator().advance(Duration.ofSeconds(9));
        DescribeImageScanFindingsResponse running = findings("v1");
        aws.emulator().advance(Duration.ofSeconds(1));
        DescribeImageScanFindingsResponse done = findings("v1");

        assertThat(start.imageScanStatus().status()).isEqualTo(ScanStatus.IN_PROGRESS);
        assertThat(running.imageScanStatus().status()).isEqualTo(ScanStatus.IN_PROGRESS);
        assertThat(running.imageScanFindings()).isNull();
        assertThat(done.imageScanStatus().status()).isEqualTo(ScanStatus.COMPLETE);
        assertThat(done.imageScanFindings().imageScanCompletedAt())
                .isEqualTo(started.plusSeconds(10).truncatedTo(ChronoUnit.MILLIS));
        assertThat(done.imageScanFindings().findingSeverityCounts())
                .containsExactlyInAnyOrderEntriesOf(Map.of(FindingSeverity.CRITICAL, 1, FindingSeverity.HIGH, 2));
        assertThat(done.imageScanFindings().findings())
                .extracting(ImageScanFinding::severity)
                .containsExactly(FindingSeverity.CRITICAL, FindingSeverity.HIGH, FindingSeverity.HIGH);
        assertThat(done.imageScanFindings().findings().get(0).name()).startsWith("CVE-");
        ImageDetail detail =
                ecr.describeImages(r -> r.repositoryName("app")).imageDetails().get(0);
        assertThat(detail.imageScanStatus().status()).isEqualTo(ScanStatus.COMPLETE);
        assertThat(detail.imageScanFindingsSummary().findingSeverityCounts()).containsEntry(FindingSeverity.HIGH, 2);
    }

    @Test
    void shouldAllowOneBasicScanPerImagePerDay() {
        service.putSyntheticImage("app", "v1", Map.of());
        ecr.startImageScan(r -> r.repositoryName("app").imageId(i -> i.imageTag("v1")));
        aws.emulator().advance(Duration.ofHours(24).minusSeconds(1));

        assertThatThrownBy(() -> ecr.startImageScan(r -> r.repositoryName("app").imageId(i -> i.imageTag("v1"))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("scan quota per image has been exceeded");
        aws.emulator().advance(Duration.ofSeconds(1));
        assertThat(ecr.startImageScan(r -> r.repositoryName("app").imageId(i -> i.imageTag("v1")))
                        .imageScanStatus()
                        .status())
                .isEqualTo(ScanStatus.IN_PROGRESS);
    }

    @Test
    void shouldCountAScanOnPushAgainstTheDailyLimit() {
        ecr.putImageScanningConfiguration(
                r -> r.repositoryName("app").imageScanningConfiguration(s -> s.scanOnPush(true)));
        service.putSyntheticImage("app", "v1", Map.of());

        assertThat(ecr.describeImages(r -> r.repositoryName("app"))
                        .imageDetails()
                        .get(0)
                        .imageScanStatus()
                        .status())
                .isEqualTo(ScanStatus.IN_PROGRESS);
        assertThatThrownBy(() -> ecr.startImageScan(r -> r.repositoryName("app").imageId(i -> i.imageTag("v1"))))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void shouldPageFindings() {
        ecr.putImageScanningConfiguration(
                r -> r.repositoryName("app").imageScanningConfiguration(s -> s.scanOnPush(true)));
        service.putSyntheticImage("app", "v1", Map.of());
        service.setFindingCounts("app", "v1", Map.of("MEDIUM", 250, "LOW", 3));
        aws.emulator().advance(Duration.ofSeconds(10));

        DescribeImageScanFindingsResponse first = findings("v1");
        List<ImageScanFinding> all = ecr
                .describeImageScanFindingsPaginator(r ->
                        r.repositoryName("app").imageId(i -> i.imageTag("v1")).maxResults(1000))
                .stream()
                .flatMap(page -> page.imageScanFindings().findings().stream())
                .toList();

        assertThat(first.imageScanFindings().findings()).hasSize(100);
        assertThat(first.nextToken()).isNotNull();
        assertThat(first.imageScanFindings().findingSeverityCounts())
                .containsEntry(FindingSeverity.MEDIUM, 250)
                .containsEntry(FindingSeverity.LOW, 3);
        assertThat(all).hasSize(253);
        assertThatThrownBy(() -> ecr.describeImageScanFindings(r ->
                        r.repositoryName("app").imageId(i -> i.imageTag("v1")).maxResults(1001)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void shouldReportFindingsSetThroughTheJavaApi() {
        service.putSyntheticImage("app", "v1", Map.of());
        ecr.startImageScan(r -> r.repositoryName("app").imageId(i -> i.imageTag("v1")));
        service.setFindings(
                "app",
                "v1",
                List.of(new ScanFinding(
                        "CVE-2023-4911",
                        "high",
                        "Looney Tunables",
                        "https://nvd.nist.gov/vuln/detail/CVE-2023-4911",
                        "glibc",
                        "2.35-0ubuntu3.1",
                        "2.35-0ubuntu3.4")));
        aws.emulator().advance(Duration.ofSeconds(10));

        ImageScanFinding finding = findings("v1").imageScanFindings().findings().get(0);

        assertThat(finding.name()).isEqualTo("CVE-2023-4911");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding.uri()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2023-4911");
        assertThat(finding.attributes()).anySatisfy(attribute -> {
            assertThat(attribute.key()).isEqualTo("package_name");
            assertThat(attribute.value()).isEqualTo("glibc");
        });
    }

    @Test
    void shouldKeepEnhancedContinuousScansActiveWithEnhancedFindings() {
        ecr.putRegistryScanningConfiguration(r -> r.scanType(ScanType.ENHANCED)
                .rules(rule -> rule.scanFrequency(ScanFrequency.CONTINUOUS_SCAN)
                        .repositoryFilters(f -> f.filter("*").filterType(ScanningRepositoryFilterType.WILDCARD))));
        service.putSyntheticImage("app", "v1", Map.of(Workload.FINDINGS_LABEL, "CRITICAL=2"));

        assertThat(findings("v1").imageScanStatus().status()).isEqualTo(ScanStatus.PENDING);
        aws.emulator().advance(Duration.ofHours(5));
        DescribeImageScanFindingsResponse active = findings("v1");

        assertThat(active.imageScanStatus().status()).isEqualTo(ScanStatus.ACTIVE);
        assertThat(active.imageScanStatus().description()).isEqualTo("Continuous scan is selected for image.");
        assertThat(active.imageScanFindings().findings()).isEmpty();
        assertThat(active.imageScanFindings().findingSeverityCounts()).containsEntry(FindingSeverity.CRITICAL, 2);
        EnhancedImageScanFinding finding =
                active.imageScanFindings().enhancedFindings().get(0);
        assertThat(finding.type()).isEqualTo("PACKAGE_VULNERABILITY");
        assertThat(finding.packageVulnerabilityDetails().vulnerabilityId()).startsWith("CVE-");
        assertThat(finding.packageVulnerabilityDetails()
                        .vulnerablePackages()
                        .get(0)
                        .fixedInVersion())
                .isNotBlank();
        assertThat(finding.resources().get(0).details().awsEcrContainerImage().repositoryName())
                .isEqualTo("app");
        assertThat(ecr.getRegistryScanningConfiguration(r -> {})
                        .scanningConfiguration()
                        .scanType())
                .isEqualTo(ScanType.ENHANCED);
        assertThatThrownBy(() -> ecr.startImageScan(r -> r.repositoryName("app").imageId(i -> i.imageTag("v1"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void shouldCapEnhancedFindingPagesAtOneHundred() {
        ecr.putRegistryScanningConfiguration(r -> r.scanType(ScanType.ENHANCED)
                .rules(rule -> rule.scanFrequency(ScanFrequency.SCAN_ON_PUSH)
                        .repositoryFilters(f -> f.filter("ap*").filterType(ScanningRepositoryFilterType.WILDCARD))));
        service.putSyntheticImage("app", "v1", Map.of(Workload.FINDINGS_LABEL, "LOW=150"));
        aws.emulator().advance(Duration.ofSeconds(10));

        DescribeImageScanFindingsResponse page = ecr.describeImageScanFindings(
                r -> r.repositoryName("app").imageId(i -> i.imageTag("v1")).maxResults(1000));

        assertThat(page.imageScanStatus().status()).isEqualTo(ScanStatus.COMPLETE);
        assertThat(page.imageScanFindings().enhancedFindings()).hasSize(100);
        assertThat(page.nextToken()).isNotNull();
    }

    @Test
    void shouldHoldAPinnedScanStatusUntilUnpinned() {
        service.putSyntheticImage("app", "v1", Map.of());
        service.putSyntheticImage("app", "v2", Map.of());
        service.pinScanStatus("app", "v1", "FAILED", "The scan failed (emulated).");
        service.pinScanStatus("app", "v2", "IN_PROGRESS", null);
        aws.emulator().advance(Duration.ofHours(1));

        assertThat(findings("v1").imageScanStatus().status()).isEqualTo(ScanStatus.FAILED);
        assertThat(findings("v1").imageScanFindings()).isNull();
        assertThat(findings("v2").imageScanStatus().status()).isEqualTo(ScanStatus.IN_PROGRESS);

        service.unpinScanStatus("app", "v2");

        assertThat(findings("v2").imageScanStatus().status()).isEqualTo(ScanStatus.COMPLETE);
    }

    @Test
    void shouldDropEarlierScansWhenSwitchingScanType() {
        service.putSyntheticImage("app", "v1", Map.of());
        ecr.startImageScan(r -> r.repositoryName("app").imageId(i -> i.imageTag("v1")));

        ecr.putRegistryScanningConfiguration(r -> r.scanType(ScanType.ENHANCED));

        assertThatThrownBy(() -> findings("v1")).isInstanceOf(ScanNotFoundException.class);
    }

    private DescribeImageScanFindingsResponse findings(String tag) {
        return ecr.describeImageScanFindings(r -> r.repositoryName("app").imageId(i -> i.imageTag(tag)));
    }
}
