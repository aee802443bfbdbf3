package probe;

import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentRequest;

/** StopServiceDeployment exists at the floor: the check must let it pass. */
public final class WithinFloorCall {
    public static Object stopRequest() {
        return StopServiceDeploymentRequest.builder().serviceDeploymentArn("arn").build();
    }
}
