package probe;

import dev.ecsdeploy.core.aws.AboveSdkFloor;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest;

/** The same call, marked as guarded by a capability check: the check must let it pass. */
@AboveSdkFloor("a capability check, SDK 2.50")
public final class GuardedCall {
    public static Object continueRequest() {
        return ContinueServiceDeploymentRequest.builder().hookId("hook-1").build();
    }
}
