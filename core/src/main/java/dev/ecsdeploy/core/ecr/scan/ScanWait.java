package dev.ecsdeploy.core.ecr.scan;

import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.operation.OperationPoll;

/**
 * Waits for an image scan and applies its gate, as a {@link LongOperation} on a small serializable
 * {@link ScanHandle}. Get one from {@link dev.ecsdeploy.core.ecr.EcrImageManager#scanWait()}.
 *
 * <pre>{@code
 * ScanResult result = images.scanWait().run(ScanRequest.of("web", digest), listener, point -> null, Sleeper.REAL);
 * }</pre>
 */
public interface ScanWait extends LongOperation<ScanRequest, ScanHandle, ScanResult> {
    /** Checks the image exists and starts a basic scan when none exists and scan on push is off. */
    @Override
    ScanHandle start(ScanRequest request, ProgressListener listener);

    /**
     * One DescribeImageScanFindings round (plus the remaining pages once findings are final). There is no decision
     * point; {@code decision} is ignored.
     */
    @Override
    OperationPoll<ScanHandle, ScanResult> poll(ScanHandle handle, Decision decision);

    /** Stops waiting: the outcome is {@link ScanOutcome#ABORTED} at once; the scan itself goes on in ECR. */
    @Override
    OperationPoll<ScanHandle, ScanResult> abort(ScanHandle handle, String abortedBy);
}
