package probe;

import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest;

/** ContinueServiceDeployment came with SDK 2.50, above the floor, and nothing guards this use: the check must fail. */
public final class AboveFloorCall {
    public static Object continueRequest() {
        return ContinueServiceDeploymentRequest.builder().hookId("hook-1").build();
    }
}
