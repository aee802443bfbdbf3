package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.aws.AboveSdkFloor;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookAction;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookTargetType;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/**
 * Every use of the SDK 2.50+ PAUSE hook model (hook target type PAUSE, lifecycleHookDetails,
 * ContinueServiceDeployment) lives here, so that on an older SDK only this class fails to link. Callers check
 * {@link SdkCapabilities#pauseHooks()} before touching it, and every method checks again.
 */
@AboveSdkFloor("SdkCapabilities.pauseHooks(): PAUSE hooks and ContinueServiceDeployment, SDK 2.50")
final class PauseHooks {
    private static final String AWAITING_ACTION = "AWAITING_ACTION";

    private PauseHooks() {}

    /** One PAUSE hook per stage, so the deployment waits for a decision there. */
    static List<DeploymentLifecycleHook> at(List<String> stages) {
        SdkCapabilities.requirePauseHooks("pausing a deployment at " + stages);
        return List.of(DeploymentLifecycleHook.builder()
                .targetType(DeploymentLifecycleHookTargetType.PAUSE)
                .lifecycleStagesWithStrings(stages)
                .build());
    }

    /** The PAUSE hook that holds {@code deployment}, if one does. */
    static Optional<DecisionPoint> awaiting(ServiceDeployment deployment) {
        if (!SdkCapabilities.pauseHooks() || !deployment.hasLifecycleHookDetails()) {
            return Optional.empty();
        }
        for (DeploymentLifecycleHookDetail hook : deployment.lifecycleHookDetails()) {
            if (AWAITING_ACTION.equals(hook.statusAsString())) {
                return Optional.of(
                        new DecisionPoint(deployment.lifecycleStageAsString(), hook.hookId(), hook.expiresAt()));
            }
        }
        return Optional.empty();
    }

    static void decide(EcsClient ecs, String serviceDeploymentArn, String hookId, Decision decision) {
        SdkCapabilities.requirePauseHooks("answering a PAUSE hook");
        ecs.continueServiceDeployment(request -> request.serviceDeploymentArn(serviceDeploymentArn)
                .hookId(hookId)
                .action(
                        decision == Decision.CONTINUE
                                ? DeploymentLifecycleHookAction.CONTINUE
                                : DeploymentLifecycleHookAction.ROLLBACK));
    }
}
