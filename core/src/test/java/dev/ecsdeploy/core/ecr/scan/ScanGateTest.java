package dev.ecsdeploy.core.ecr.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.testing.TestAwsClients;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.ecr.ScanFinding;
import dev.ecsdeploy.emulator.faults.UnimplementedOperations;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/** The scan wait and the gate, driven by the emulator's scanner on a manual clock. */
class ScanGateTest {
    private static final String REPOSITORY = "scan/app";
    private static final ScanGate CRITICAL_0_HIGH_5 =
            ScanGate.of(Map.of(FindingSeverity.CRITICAL, 0, FindingSeverity.HIGH, 5), List.of());

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private AwsClients clients;
    private EcrImageManager scans;
    private String digest;

    @BeforeEach
    void pushImage() {
        aws.emulator().ecr().createRepository(REPOSITORY);
        digest = aws.emulator().ecr().putSyntheticImage(REPOSITORY, "1.0", Map.of());
        clients = TestAwsClients.create();
        scans = manager(clients);
    }

    @AfterEach
    void close() {
        scans.close();
        clients.close();
    }

    private EcrImageManager manager(AwsClients factory) {
        AwsConnection connection = AwsConnection.of(
                        Region.of(aws.emulator().region()),
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(Emulator.ACCESS_KEY_ID, Emulator.SECRET_ACCESS_KEY)))
                .withEndpointOverride(aws.emulator().endpoint());
        return EcrImageManager.builder()
                .clients(factory)
                .connection(connection)
                .clock(clock)
                .build();
    }

    @Test
    void shouldStartABasicScanWaitForItAndPassTheGate() {
        aws.emulator().ecr().setFindingCounts(REPOSITORY, "1.0", Map.of("HIGH", 2, "LOW", 3));

        ScanHandle handle = scans.scanWait().start(request().withGate(CRITICAL_0_HIGH_5));
        OperationPoll<ScanHandle, ScanResult> first = scans.scanWait().poll(handle);
        aws.emulator().advance(Duration.ofSeconds(11));
        clock.advance(Duration.ofSeconds(5));
        OperationPoll<ScanHandle, ScanResult> second = scans.scanWait().poll(first.handle());

        assertThat(aws.emulator().callLog().count("ecr", "StartImageScan")).isOne();
        assertThat(first.isDone()).isFalse();
        assertThat(first.nextPollIn()).isEqualTo(ScanRequest.DEFAULT_POLL_INTERVAL);
        ScanResult result = second.outcome().orElseThrow();
        assertThat(result.outcome()).isEqualTo(ScanOutcome.COMPLETE);
        assertThat(result.verdict()).isEqualTo(ScanVerdict.PASS);
        assertThat(result.report().count(FindingSeverity.HIGH)).isEqualTo(2);
        assertThat(result.report().findings()).hasSize(5);
    }

    @Test
    void shouldNotStartAScanWhenScanOnPushWillScan(EcrClient ecr) {
        aws.emulator().ecr().createRepository("scan/other");
        ecr.putImageScanningConfiguration(
                r -> r.repositoryName("scan/other").imageScanningConfiguration(c -> c.scanOnPush(true)));
        String pushed = aws.emulator().ecr().putSyntheticImage("scan/other", "1", Map.of());
        aws.emulator().advance(Duration.ofSeconds(11));

        OperationPoll<ScanHandle, ScanResult> round =
                scans.scanWait().poll(scans.scanWait().start(ScanRequest.of("scan/other", pushed)));

        assertThat(aws.emulator().callLog().count("ecr", "StartImageScan")).isZero();
        assertThat(round.outcome().orElseThrow().outcome()).isEqualTo(ScanOutcome.COMPLETE);
    }

    @Test
    void shouldFailTheGateAndNameTheThresholdAndTheFindings() {
        aws.emulator().ecr().setFindings(REPOSITORY, "1.0", List.of(ScanFinding.of("CVE-2026-0001", "CRITICAL")));

        ScanResult result = completeScan(request().withGate(CRITICAL_0_HIGH_5));

        assertThat(result.verdict()).isEqualTo(ScanVerdict.FAIL);
        assertThat(result.gate().broken()).singleElement().satisfies(broken -> {
            assertThat(broken.severity()).isEqualTo(FindingSeverity.CRITICAL);
            assertThat(broken.findings())
                    .extracting(dev.ecsdeploy.core.ecr.scan.ScanFinding::id)
                    .containsExactly("CVE-2026-0001");
        });
        assertThat(result.message()).contains("CRITICAL 1 > 0 (CVE-2026-0001)");
    }

    @Test
    void shouldPassWhenTheOnlyBreakingFindingIsAllowListed() {
        aws.emulator().ecr().setFindings(REPOSITORY, "1.0", List.of(ScanFinding.of("CVE-2026-0001", "CRITICAL")));
        ScanGate gate = ScanGate.of(
                Map.of(FindingSeverity.CRITICAL, 0),
                List.of(AllowListEntry.until("CVE-2026-0001", LocalDate.of(2026, 3, 1))));

        ScanResult result = completeScan(request().withGate(gate));

        assertThat(result.verdict()).isEqualTo(ScanVerdict.PASS);
        assertThat(result.gate().allowListed()).containsExactly("CVE-2026-0001");
    }

    @Test
    void shouldFailWhenTheAllowListEntryHasExpired() {
        aws.emulator().ecr().setFindings(REPOSITORY, "1.0", List.of(ScanFinding.of("CVE-2026-0001", "CRITICAL")));
        ScanGate gate = ScanGate.of(
                Map.of(FindingSeverity.CRITICAL, 0),
                List.of(AllowListEntry.until("CVE-2026-0001", LocalDate.of(2026, 2, 28))));

        ScanResult result = completeScan(request().withGate(gate));

        assertThat(result.verdict()).isEqualTo(ScanVerdict.FAIL);
        assertThat(result.gate().expiredAllowListEntries()).containsExactly("CVE-2026-0001");
        assertThat(result.message()).contains("expired allow-list entries no longer apply: CVE-2026-0001");
    }

    @Test
    void shouldEndWithTheConfiguredOutcomeWhenTheScanNeverFinishes() {
        aws.emulator().ecr().pinScanStatus(REPOSITORY, "1.0", "IN_PROGRESS", "stuck");
        ScanHandle handle = scans.scanWait().start(request().withTimeout(Duration.ofMinutes(2), ScanVerdict.UNSTABLE));

        OperationPoll<ScanHandle, ScanResult> before = scans.scanWait().poll(handle);
        clock.advance(Duration.ofMinutes(2));
        OperationPoll<ScanHandle, ScanResult> after = scans.scanWait().poll(before.handle());

        assertThat(before.isDone()).isFalse();
        assertThat(after.outcome().orElseThrow().outcome()).isEqualTo(ScanOutcome.TIMED_OUT);
        assertThat(after.outcome().orElseThrow().verdict()).isEqualTo(ScanVerdict.UNSTABLE);
    }

    @ParameterizedTest
    @EnumSource(
            value = ScanVerdict.class,
            names = {"FAIL", "UNSTABLE", "PASS"})
    void shouldSayTheScanApisAreMissingAndApplyTheConfiguredVerdict(ScanVerdict configured) {
        aws.emulator().unimplemented().add("ecr:StartImageScan", UnimplementedOperations.Style.AWS);
        aws.emulator().unimplemented().add("ecr:DescribeImageScanFindings", UnimplementedOperations.Style.LOCALSTACK);
        ScanRequest request = request().withVerdict(ScanOutcome.FINDINGS_UNAVAILABLE, configured);

        List<ProgressEvent> events = new ArrayList<>();
        ScanHandle handle = scans.scanWait().start(request, events::add);
        OperationPoll<ScanHandle, ScanResult> first = scans.scanWait().poll(handle);

        ScanResult outcome = first.outcome().orElseThrow();
        assertThat(outcome.outcome()).isEqualTo(ScanOutcome.FINDINGS_UNAVAILABLE);
        assertThat(outcome.verdict()).isEqualTo(configured);
        assertThat(outcome.message())
                .startsWith("scan APIs not available at this endpoint")
                .endsWith("verdict " + configured);
        assertThat(events).anyMatch(e -> e.message().contains("could not start a scan: scan APIs not available"));
    }

    @Test
    void shouldReadFindingsAtOnceWhenEnhancedScanningIsActive(EcrClient ecr) {
        ecr.putRegistryScanningConfiguration(r -> r.scanType("ENHANCED")
                .rules(rule -> rule.scanFrequency("CONTINUOUS_SCAN")
                        .repositoryFilters(f -> f.filter("*").filterType("WILDCARD"))));
        String enhanced = aws.emulator().ecr().putSyntheticImage(REPOSITORY, "2.0", Map.of());
        aws.emulator().ecr().setFindingCounts(REPOSITORY, "2.0", Map.of("HIGH", 1));
        aws.emulator().advance(Duration.ofMinutes(1));

        ScanHandle handle =
                scans.scanWait().start(ScanRequest.of(REPOSITORY, enhanced).withGate(CRITICAL_0_HIGH_5));
        OperationPoll<ScanHandle, ScanResult> round = scans.scanWait().poll(handle);

        assertThat(round.outcome().orElseThrow().outcome()).isEqualTo(ScanOutcome.ACTIVE);
        assertThat(round.outcome().orElseThrow().verdict()).isEqualTo(ScanVerdict.PASS);
        assertThat(round.outcome().orElseThrow().report().count(FindingSeverity.HIGH))
                .isOne();
    }

    @ParameterizedTest
    @CsvSource({
        "FAILED, FAIL",
        "UNSUPPORTED_IMAGE, UNSTABLE",
        "SCAN_ELIGIBILITY_EXPIRED, UNSTABLE",
        "LIMIT_EXCEEDED, UNSTABLE",
        "FINDINGS_UNAVAILABLE, UNSTABLE"
    })
    void shouldMapEveryTerminalStatusToAnExplicitOutcome(String status, ScanVerdict verdict) {
        aws.emulator().ecr().pinScanStatus(REPOSITORY, "1.0", status, "pinned by test");

        OperationPoll<ScanHandle, ScanResult> round =
                scans.scanWait().poll(scans.scanWait().start(request()));

        assertThat(round.outcome().orElseThrow().outcome()).isEqualTo(ScanOutcome.valueOf(status));
        assertThat(round.outcome().orElseThrow().verdict()).isEqualTo(verdict);
        assertThat(round.outcome().orElseThrow().message()).contains(status);
    }

    @Test
    void shouldResumeFromASerializedHandleWithAnotherManager() throws Exception {
        aws.emulator().ecr().setFindingCounts(REPOSITORY, "1.0", Map.of("MEDIUM", 1));
        OperationPoll<ScanHandle, ScanResult> first =
                scans.scanWait().poll(scans.scanWait().start(request().withGate(CRITICAL_0_HIGH_5)));
        byte[] persisted = serialize(first.handle());
        aws.emulator().advance(Duration.ofSeconds(11));

        ScanHandle restored = deserialize(persisted);
        try (AwsClients otherClients = TestAwsClients.create();
                EcrImageManager restarted = manager(otherClients)) {
            OperationPoll<ScanHandle, ScanResult> resumed = restarted.scanWait().poll(restored);

            assertThat(restored).isEqualTo(first.handle());
            assertThat(persisted.length).isLessThan(4096);
            assertThat(resumed.outcome().orElseThrow().outcome()).isEqualTo(ScanOutcome.COMPLETE);
            assertThat(resumed.outcome().orElseThrow().report().count(FindingSeverity.MEDIUM))
                    .isOne();
            assertThat(aws.emulator().callLog().count("ecr", "StartImageScan")).isOne();
        }
    }

    @Test
    void shouldReadEveryPageOfFindings() {
        aws.emulator().ecr().setFindingCounts(REPOSITORY, "1.0", Map.of("LOW", 1500));

        ScanResult result = completeScan(request());

        assertThat(result.report().findings()).hasSize(1500);
        assertThat(aws.emulator().callLog().count("ecr", "DescribeImageScanFindings"))
                .as("two pages of at most 1000")
                .isEqualTo(2);
    }

    @Test
    void shouldWaitWithTheBlockingHelper() {
        aws.emulator().ecr().setFindingCounts(REPOSITORY, "1.0", Map.of("LOW", 1));
        try (AwsClients otherClients = TestAwsClients.create();
                EcrImageManager blocking = EcrImageManager.builder()
                        .clients(otherClients)
                        .connection(dev.ecsdeploy.core.ecr.EcrTestSupportAccess.connection(aws.emulator()))
                        .clock(clock)
                        .build()) {
            ScanResult result = blocking.scanWait()
                    .run(request(), ProgressListener.NONE, DecisionPolicy.NONE, duration -> {
                        clock.advance(duration);
                        aws.emulator().advance(duration);
                    });

            assertThat(result.outcome()).isEqualTo(ScanOutcome.COMPLETE);
        }
    }

    private ScanRequest request() {
        return ScanRequest.of(REPOSITORY, digest);
    }

    private ScanResult completeScan(ScanRequest request) {
        ScanHandle handle = scans.scanWait().start(request);
        aws.emulator().advance(Duration.ofSeconds(11));
        return scans.scanWait().poll(handle).outcome().orElseThrow();
    }

    private static byte[] serialize(ScanHandle handle) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(handle);
        }
        return bytes.toByteArray();
    }

    private static ScanHandle deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (ScanHandle) in.readObject();
        }
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
