package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.aws.AwsFailure;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.scan.FindingSeverity;
import dev.ecsdeploy.core.ecr.scan.GateVerdict;
import dev.ecsdeploy.core.ecr.scan.ScanHandle;
import dev.ecsdeploy.core.ecr.scan.ScanOutcome;
import dev.ecsdeploy.core.ecr.scan.ScanReport;
import dev.ecsdeploy.core.ecr.scan.ScanRequest;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.ecr.scan.ScanVerdict;
import dev.ecsdeploy.core.ecr.scan.ScanWait;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.OperationPoll;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.LimitExceededException;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;
import software.amazon.awssdk.services.ecr.model.UnsupportedImageTypeException;

/**
 * The scan wait as start + poll. Each poll is one DescribeImageScanFindings (plus the remaining pages once findings
 * are final); every status ends in an explicit {@link ScanOutcome}, and the deadline ends every wait.
 */
final class ScanWatcher implements ScanWait {
    static final String NOT_FOUND = "NOT_FOUND";
    static final String SCAN_APIS_UNAVAILABLE = "scan APIs not available at this endpoint";
    /** Marks a handle whose wait was aborted; polling it again answers the same ABORTED outcome. */
    static final String ABORTED = "ABORTED";
    /** Marks a handle whose StartImageScan hit the 1-per-24-h limit; a missing scan then means LIMIT_EXCEEDED. */
    static final String START_LIMITED = "START_LIMIT_EXCEEDED";

    private final EcrClient ecr;
    private final InstantSource clock;

    ScanWatcher(EcrClient ecr, InstantSource clock) {
        this.ecr = ecr;
        this.clock = clock;
    }

    @Override
    public ScanHandle start(ScanRequest request, ProgressListener listener) {
        List<ProgressEvent> events = new ArrayList<>();
        ScanHandle handle = start(request, events);
        events.forEach(listener::onEvent);
        return handle;
    }

    private ScanHandle start(ScanRequest request, List<ProgressEvent> events) {
        Instant now = clock.instant();
        ScanHandle handle = new ScanHandle(request, now, now.plus(request.timeout()), null);
        ImageDetail image = describe(request);
        if (image.imageScanStatus() != null) {
            return handle;
        }
        if (scanOnPush(request)) {
            events.add(event("scan on push is on: waiting for ECR to scan " + request.imageDigest()));
            return handle;
        }
        return startBasicScan(request, handle, events);
    }

    private ScanHandle startBasicScan(ScanRequest request, ScanHandle handle, List<ProgressEvent> events) {
        try {
            ecr.startImageScan(r -> r.registryId(request.registryId())
                    .repositoryName(request.repository())
                    .imageId(i -> i.imageDigest(request.imageDigest())));
            events.add(event("started a basic scan of " + request.repository() + "@" + request.imageDigest()));
            return handle;
        } catch (LimitExceededException e) {
            events.add(ProgressEvent.warning(
                    clock.instant(),
                    EventKinds.ECR_SCAN,
                    "could not start a scan: " + e.awsErrorDetails().errorMessage()
                            + " (ECR allows one basic scan per image per 24 hours)"));
            return handle.withLastStatus(START_LIMITED);
        } catch (software.amazon.awssdk.services.ecr.model.ValidationException e) {
            // Enhanced scanning owns scans (Inspector); a manual basic scan is refused, so wait for Inspector's.
            events.add(ProgressEvent.warning(
                    clock.instant(),
                    EventKinds.ECR_SCAN,
                    "could not start a basic scan: " + e.awsErrorDetails().errorMessage()
                            + " (enhanced scanning scans on its own)"));
            return handle;
        } catch (UnsupportedImageTypeException e) {
            events.add(ProgressEvent.warning(
                    clock.instant(),
                    EventKinds.ECR_SCAN,
                    "ECR cannot scan this image: " + e.awsErrorDetails().errorMessage()));
            return handle.withLastStatus("UNSUPPORTED_IMAGE");
        } catch (AwsServiceException e) {
            if (!AwsFailure.isUnknownOperation(e)) {
                throw e;
            }
            events.add(ProgressEvent.warning(
                    clock.instant(),
                    EventKinds.ECR_SCAN,
                    "could not start a scan: " + SCAN_APIS_UNAVAILABLE + " ("
                            + AwsFailure.describe(e).summary() + ")"));
            return handle;
        }
    }

    private ImageDetail describe(ScanRequest request) {
        try {
            return ecr.describeImages(r -> r.registryId(request.registryId())
                            .repositoryName(request.repository())
                            .imageIds(i -> i.imageDigest(request.imageDigest())))
                    .imageDetails()
                    .get(0);
        } catch (SdkException e) {
            throw new EcrImageException(
                    "cannot scan " + request.repository() + "@" + request.imageDigest() + ": " + e.getMessage(), e);
        }
    }

    private boolean scanOnPush(ScanRequest request) {
        var repository = ecr.describeRepositories(
                        r -> r.registryId(request.registryId()).repositoryNames(request.repository()))
                .repositories()
                .get(0);
        return repository.imageScanningConfiguration() != null
                && Boolean.TRUE.equals(repository.imageScanningConfiguration().scanOnPush());
    }

    @Override
    public OperationPoll<ScanHandle, ScanResult> abort(ScanHandle handle, String abortedBy) {
        ScanHandle aborted = handle.withLastStatus(ABORTED);
        ProgressEvent event = ProgressEvent.warning(clock.instant(), EventKinds.ECR_SCAN, abortedMessage(abortedBy));
        return new OperationPoll<>(
                aborted, List.of(event), Duration.ZERO, Optional.empty(), Optional.of(aborted(abortedBy)));
    }

    private static ScanResult aborted(String abortedBy) {
        return new ScanResult(ScanOutcome.ABORTED, ScanVerdict.FAIL, null, null, abortedMessage(abortedBy));
    }

    private static String abortedMessage(String abortedBy) {
        return "scan wait aborted by " + abortedBy + ": verdict " + ScanVerdict.FAIL;
    }

    @Override
    public OperationPoll<ScanHandle, ScanResult> poll(ScanHandle handle, Decision decision) {
        ScanRequest request = handle.request();
        Instant now = clock.instant();
        if (ABORTED.equals(handle.lastStatus())) {
            return new OperationPoll<>(
                    handle, List.of(), Duration.ZERO, Optional.empty(), Optional.of(aborted("an earlier abort")));
        }
        List<ProgressEvent> events = new ArrayList<>();
        DescribeImageScanFindingsResponse first;
        try {
            first = firstPage(request);
        } catch (AwsServiceException e) {
            if (AwsFailure.isUnknownOperation(e)) {
                return unavailable(handle, request, events, e, now);
            }
            if (!e.isThrottlingException() && e.statusCode() < 500) {
                throw e;
            }
            // Throttling or a 5xx that outlived the SDK's retries: the deadline, not AWS's budget, decides.
            events.add(new ProgressEvent(
                    now,
                    ProgressEvent.Severity.DEBUG,
                    EventKinds.ECR_SCAN,
                    "DescribeImageScanFindings failed, retrying: " + e.getMessage(),
                    Map.of()));
            return new OperationPoll<>(handle, events, request.pollInterval(), Optional.empty(), Optional.empty());
        }
        String status = statusOf(first, handle);
        if (!status.equals(handle.lastStatus())) {
            events.add(event("scan status " + status + describe(first)));
        }
        ScanHandle next = handle.withLastStatus(
                START_LIMITED.equals(handle.lastStatus()) && NOT_FOUND.equals(status) ? START_LIMITED : status);
        ScanResult result = outcome(request, status, first, now);
        if (result == null && !now.isBefore(handle.deadline())) {
            ScanVerdict verdict = request.onTimeout();
            result = new ScanResult(
                    ScanOutcome.TIMED_OUT,
                    verdict,
                    null,
                    null,
                    "scan did not finish within " + request.timeout() + " (last status " + status + "): verdict "
                            + verdict);
        }
        if (result != null) {
            events.add(new ProgressEvent(
                    now, severity(result.verdict()), EventKinds.ECR_SCAN, result.message(), Map.of()));
            return new OperationPoll<>(next, events, Duration.ZERO, Optional.empty(), Optional.of(result));
        }
        Instant nextPoll = now.plus(request.pollInterval());
        Instant due = nextPoll.isAfter(handle.deadline()) ? handle.deadline() : nextPoll;
        Duration wait = Duration.between(clock.instant(), due);
        return new OperationPoll<>(next, events, wait, Optional.empty(), Optional.empty());
    }

    /** The endpoint has no scan APIs: the gate says so and applies the verdict configured for unavailable findings. */
    private OperationPoll<ScanHandle, ScanResult> unavailable(
            ScanHandle handle, ScanRequest request, List<ProgressEvent> events, AwsServiceException e, Instant now) {
        ScanVerdict verdict = request.statusVerdicts().get(ScanOutcome.FINDINGS_UNAVAILABLE);
        ScanResult result = new ScanResult(
                ScanOutcome.FINDINGS_UNAVAILABLE,
                verdict,
                null,
                null,
                SCAN_APIS_UNAVAILABLE + " (" + AwsFailure.describe(e).summary() + "): verdict " + verdict);
        events.add(new ProgressEvent(now, severity(verdict), EventKinds.ECR_SCAN, result.message(), Map.of()));
        return new OperationPoll<>(
                handle.withLastStatus("FINDINGS_UNAVAILABLE"),
                events,
                Duration.ZERO,
                Optional.empty(),
                Optional.of(result));
    }

    private DescribeImageScanFindingsResponse firstPage(ScanRequest request) {
        try {
            return findings(request, null);
        } catch (ScanNotFoundException e) {
            return null;
        }
    }

    private DescribeImageScanFindingsResponse findings(ScanRequest request, String token) {
        return ecr.describeImageScanFindings(r -> r.registryId(request.registryId())
                .repositoryName(request.repository())
                .imageId(i -> i.imageDigest(request.imageDigest()))
                .maxResults(1000)
                .nextToken(token));
    }

    private static String statusOf(DescribeImageScanFindingsResponse response, ScanHandle handle) {
        if (response == null || response.imageScanStatus() == null) {
            return "UNSUPPORTED_IMAGE".equals(handle.lastStatus()) ? "UNSUPPORTED_IMAGE" : NOT_FOUND;
        }
        return response.imageScanStatus().statusAsString();
    }

    private static String describe(DescribeImageScanFindingsResponse response) {
        if (response == null
                || response.imageScanStatus() == null
                || response.imageScanStatus().description() == null) {
            return "";
        }
        return ": " + response.imageScanStatus().description();
    }

    private ScanResult outcome(
            ScanRequest request, String status, DescribeImageScanFindingsResponse first, Instant now) {
        if (NOT_FOUND.equals(status)) {
            return null;
        }
        ScanOutcome outcome = switch (status) {
            case "COMPLETE" -> ScanOutcome.COMPLETE;
            case "ACTIVE" -> ScanOutcome.ACTIVE;
            case "FAILED" -> ScanOutcome.FAILED;
            case "UNSUPPORTED_IMAGE" -> ScanOutcome.UNSUPPORTED_IMAGE;
            case "SCAN_ELIGIBILITY_EXPIRED" -> ScanOutcome.SCAN_ELIGIBILITY_EXPIRED;
            case "LIMIT_EXCEEDED" -> ScanOutcome.LIMIT_EXCEEDED;
            case "FINDINGS_UNAVAILABLE" -> ScanOutcome.FINDINGS_UNAVAILABLE;
            case "IMAGE_ARCHIVED" -> ScanOutcome.IMAGE_ARCHIVED;
            // IN_PROGRESS, PENDING and values newer than this SDK keep the wait going until the deadline.
            default -> null;
        };
        if (outcome == null) {
            return null;
        }
        if (!outcome.hasFindings()) {
            ScanVerdict verdict = request.statusVerdicts().get(outcome);
            return new ScanResult(
                    outcome, verdict, null, null, "scan " + status + describe(first) + ": verdict " + verdict);
        }
        ScanReport report = report(request, first);
        GateVerdict gate = request.gate().evaluate(report, now);
        ScanVerdict verdict = gate.passed() ? ScanVerdict.PASS : ScanVerdict.FAIL;
        return new ScanResult(
                outcome,
                verdict,
                report,
                gate,
                "scan " + status + " (" + report.summary() + "): gate " + gate.describe());
    }

    private ScanReport report(ScanRequest request, DescribeImageScanFindingsResponse first) {
        List<dev.ecsdeploy.core.ecr.scan.ScanFinding> findings = new ArrayList<>();
        DescribeImageScanFindingsResponse page = first;
        while (true) {
            FindingMapper.addAll(page, findings);
            String token = page.nextToken();
            if (token == null || token.isEmpty()) {
                break;
            }
            page = findings(request, token);
        }
        Map<FindingSeverity, Integer> counts = new EnumMap<>(FindingSeverity.class);
        if (first.imageScanFindings() != null) {
            first.imageScanFindings()
                    .findingSeverityCountsAsStrings()
                    .forEach((severity, count) -> counts.merge(FindingSeverity.parse(severity), count, Integer::sum));
        }
        Instant completedAt = first.imageScanFindings() == null
                ? null
                : first.imageScanFindings().imageScanCompletedAt();
        return new ScanReport(
                first.imageScanStatus().statusAsString(),
                first.imageScanStatus().description(),
                counts,
                findings,
                completedAt);
    }

    private ProgressEvent event(String message) {
        return ProgressEvent.info(clock.instant(), EventKinds.ECR_SCAN, message);
    }

    private static ProgressEvent.Severity severity(ScanVerdict verdict) {
        return switch (verdict) {
            case PASS -> ProgressEvent.Severity.INFO;
            case UNSTABLE -> ProgressEvent.Severity.WARNING;
            case FAIL -> ProgressEvent.Severity.ERROR;
        };
    }
}
