package dev.ecsdeploy.core.input;

import java.time.Duration;

/**
 * Every default a user can see, defined once: the engines' request builders fall back to these, and the CLI's options
 * and the plugin's fields show them. Each duration exists twice, as a {@link Duration} for code and as text for
 * option defaults (picocli's {@code defaultValue} needs a constant string); {@code DefaultsTest} checks that the two
 * agree.
 *
 * <p>The deploy and run-task timeouts are 30 minutes, the default of {@code wait-for-minutes} in
 * aws-actions/amazon-ecs-deploy-task-definition, so a user moving from that action waits as long as before. A
 * rollout behind a load balancer easily needs more than 15 minutes (health checks, a five-minute deregistration delay
 * by default, a canary's bake time), and a timeout that fires before ECS decides rolls back a healthy deployment.
 */
public final class Defaults {
    /** How long a deployment is followed before {@link #ON_TIMEOUT} applies. */
    public static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(30);

    public static final String DEPLOY_TIMEOUT_TEXT = "30m";

    /** How long a one-off task may run before it is stopped. */
    public static final Duration RUN_TASK_TIMEOUT = Duration.ofMinutes(30);

    public static final String RUN_TASK_TIMEOUT_TEXT = "30m";

    /** How long to wait for an image scan to finish. */
    public static final Duration SCAN_TIMEOUT = Duration.ofMinutes(10);

    public static final String SCAN_TIMEOUT_TEXT = "10m";

    /** How often a scan wait asks ECR for the scan's status. */
    public static final Duration SCAN_POLL_INTERVAL = Duration.ofSeconds(5);

    /** The longest wait any timeout accepts: longer jobs belong in a scheduled task, not a waiting build. */
    public static final Duration LONGEST_WAIT = Duration.ofHours(24);

    /**
     * The longest timeout a core request accepts (a deployment that pauses for a decision may wait days): long enough
     * for a PAUSE over a holiday, short enough that every deadline is a valid instant. An overflowing timeout used to
     * fail after the first mutation; now the request refuses it.
     */
    public static final Duration LONGEST_TIMEOUT = Duration.ofDays(30);

    public static final String LONGEST_WAIT_TEXT = "24h";

    /**
     * How long the Docker CLI's daemon gets to answer {@code docker version} before the Docker CLI is passed over. A
     * daemon that is not there fails at once (no socket); the limit only bounds a connection that hangs, and it is
     * generous because a daemon's first answer after it starts (podman's service setting up its storage) takes
     * seconds on a busy build machine.
     */
    public static final Duration DOCKER_DAEMON_PROBE_TIMEOUT = Duration.ofSeconds(20);

    /** The deployment strategy when none is chosen. */
    public static final String STRATEGY = "rolling";

    /** Share of production traffic a canary gets first, in percent. */
    public static final String CANARY_PERCENT = "10";

    /** How long the canary runs before the rest of the traffic shifts. */
    public static final Duration CANARY_BAKE = Duration.ofMinutes(5);

    public static final String CANARY_BAKE_TEXT = "5m";

    /** Share of production traffic each linear step shifts, in percent. */
    public static final String STEP_PERCENT = "10";

    /** How long each linear step runs before the next. */
    public static final Duration STEP_BAKE = Duration.ofMinutes(1);

    public static final String STEP_BAKE_TEXT = "1m";

    /** The answer to a PAUSE lifecycle hook when the user gives none. */
    public static final String ON_PAUSE = "continue";

    /** What happens when a deployment's timeout passes. */
    public static final String ON_TIMEOUT = "rollback";

    /** What a deployment does when another one is in progress on the service: wait for it, then deploy. */
    public static final String WHEN_BUSY = "wait";

    /** Which image builder to use when none is chosen. */
    public static final String BUILDER = "auto";

    /** Attempts per AWS call, retries of throttling and 5xx errors included. */
    public static final int MAX_ATTEMPTS = 8;

    public static final String MAX_ATTEMPTS_TEXT = "8";

    /** How many tasks one run-task starts. */
    public static final String RUN_TASK_COUNT = "1";

    /** Where a command-line user's history store lives, relative to the working directory. */
    public static final String HISTORY_DIRECTORY = ".ecsdeploy/history";

    private Defaults() {}
}
