package dev.ecsdeploy.core.deploy.internal;

/**
 * Runtime checks for SDK features newer than the oldest SDK the plugin may run on (Jenkins' aws-java-sdk2 plugins
 * bundle 2.42.x). This class only names the feature classes as strings, so it loads on every SDK.
 */
public final class SdkCapabilities {
    private static final String CONTINUE_REQUEST =
            "software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest";
    private static final String HOOK_TARGET_TYPE =
            "software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookTargetType";
    private static final boolean PAUSE_HOOKS = present(CONTINUE_REQUEST) && present(HOOK_TARGET_TYPE);

    private SdkCapabilities() {}

    /** Whether the SDK has PAUSE lifecycle hooks and ContinueServiceDeployment (2.50 and newer). */
    public static boolean pauseHooks() {
        return PAUSE_HOOKS;
    }

    /** Throws a clear error when PAUSE hooks are needed but the SDK on the classpath predates them. */
    public static void requirePauseHooks(String what) {
        if (!PAUSE_HOOKS) {
            throw new UnsupportedOperationException(what + " is not possible with this AWS SDK: PAUSE lifecycle hooks"
                    + " and ContinueServiceDeployment need AWS SDK for Java 2.50 or newer");
        }
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, SdkCapabilities.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
