package dev.ecsdeploy.emulator.ecs;

import java.time.Instant;

/** Drives BLUE_GREEN, LINEAR and CANARY service deployments through their lifecycle stages. */
final class StagedEngine {
    private final EcsWorld world;
    private final ServiceScheduler scheduler;

    StagedEngine(EcsWorld world, ServiceScheduler scheduler) {
        this.world = world;
        this.scheduler = scheduler;
    }

    void begin(ServiceDeployment sd, Instant at) {}

    boolean owns(ServiceDeployment sd) {
        return false;
    }

    void reconcile(ServiceDeployment sd, Instant at) {}

    boolean keeps(ServiceState service, Deployment deployment) {
        return false;
    }

    boolean mayComplete(Deployment primary) {
        return true;
    }

    void rollingBack(ServiceDeployment sd, Instant at) {}

    void resolveHook(
            ServiceDeployment sd, ServiceDeployment.HookRun hook, String action, boolean timedOut, Instant at) {}
}
