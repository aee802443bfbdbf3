package dev.ecsdeploy.emulator.ecs;

import java.time.Instant;

/** What the service scheduler wants to hear about its tasks, at the exact time it happens. */
interface TaskObserver {
    /** The task stopped for a reason that counts against its deployment (failed to start, crashed, unhealthy). */
    void taskFailed(EcsTask task, Instant at);

    /** The task passed its health checks (or its 40 s grace without checks). */
    void taskHealthy(EcsTask task, Instant at);
}
