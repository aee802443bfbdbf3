package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** How long things take in the emulated ECS, and how instants go on the wire (epoch seconds). */
final class Times {
    /** PROVISIONING: attaching the task's network interface. */
    static final Duration PROVISIONING = Duration.ofSeconds(2);
    /** How long a pull of a missing image is retried before the task gives up. */
    static final Duration PULL_FAILURE = Duration.ofSeconds(3);
    /** DEPROVISIONING: detaching the network interface after the containers stopped. */
    static final Duration DEPROVISIONING = Duration.ofSeconds(5);
    /** A {@code crash} container exits this long after it started. */
    static final Duration CRASH_AFTER = Duration.ofSeconds(2);
    /** Stopped tasks stay visible in DescribeTasks and ListTasks for at least an hour. */
    static final Duration STOPPED_TASK_RETENTION = Duration.ofHours(1);
    /** Without a load balancer or container health check, a task counts as healthy 40 s after RUNNING. */
    static final Duration HEALTHY_WITHOUT_CHECKS = Duration.ofSeconds(40);
    /** A newly registered target needs one passing check at the default 30 s interval. */
    static final Duration LOAD_BALANCER_HEALTHY = Duration.ofSeconds(30);
    /** Two failed target checks at the default 30 s interval. */
    static final Duration LOAD_BALANCER_UNHEALTHY = Duration.ofSeconds(60);
    /** RunTask client tokens are honoured for 24 hours. */
    static final Duration CLIENT_TOKEN_LIFETIME = Duration.ofHours(24);

    private Times() {}

    static void put(ObjectNode node, String name, Instant instant) {
        if (instant != null) {
            node.put(name, BigDecimal.valueOf(instant.toEpochMilli(), 3));
        }
    }
}
