package dev.ecsdeploy.core.event;

/**
 * Every {@link ProgressEvent#kind()} core emits: stable names renderers and tests match on. One kind per subject;
 * the severity says whether it went well.
 */
public final class EventKinds {
    /** Task definition registered, waiting for another deployment, UpdateService sent or adopted. */
    public static final String DEPLOY_PHASE = "deploy.phase";
    /** Running/desired counts of our deployment, shown live. */
    public static final String DEPLOY_PROGRESS = "deploy.progress";
    /** The ECS service deployment's status and lifecycle stage. */
    public static final String DEPLOY_STAGE = "deploy.stage";
    /** A PAUSE hook waits, or a decision was sent. */
    public static final String DEPLOY_DECISION = "deploy.decision";
    /** The verdict of a deployment. */
    public static final String DEPLOY_VERDICT = "deploy.verdict";
    /** A transient AWS error; the next poll retries. */
    public static final String DEPLOY_RETRY = "deploy.retry";
    /** Something in the plan that works but is worth a look. */
    public static final String DEPLOY_WARNING = "deploy.warning";
    /** The service already runs what was asked for: no deployment is made. */
    public static final String DEPLOY_UNCHANGED = "deploy.unchanged";
    /** A service event ECS recorded, passed through. */
    public static final String ECS_EVENT = "ecs.event";

    /** A derived task definition revision (replaced images, entry points or secrets). */
    public static final String TASK_REVISION = "task.revision";
    /** RunTask: a task started, a retry with the same client token, or a task RunTask could not start. */
    public static final String TASK_START = "task.start";
    /** A task's lastStatus changed. */
    public static final String TASK_STATUS = "task.status";
    /** DescribeTasks failed transiently; the next poll retries. */
    public static final String TASK_DESCRIBE = "task.describe";
    /**
     * The task's logs: each line (with the {@code stream} attribute, see {@link #isLogLine}) and every problem
     * reading them (a stream that cannot be read, may be incomplete, or a container whose logs are not streamed).
     */
    public static final String TASK_LOG = "task.log";
    /** StopTask sent (timeout or abort), failed, or not answered in time. */
    public static final String TASK_STOP = "task.stop";
    /** The verdict of a task run. */
    public static final String TASK_RESULT = "task.result";

    public static final String ECR_AUTH = "ecr.auth";
    public static final String ECR_BUILD = "ecr.build";
    /** One line of a builder tool's output (DEBUG). */
    public static final String ECR_BUILD_OUTPUT = "ecr.build.output";
    /** The build is reproducible: the same inputs give the same digest. */
    public static final String ECR_BUILD_REPRODUCIBLE = "ecr.build.reproducible";
    /** The builder cannot make this build reproducible here; the event says why. */
    public static final String ECR_BUILD_NOT_REPRODUCIBLE = "ecr.build.not-reproducible";
    /** AUTO chose a builder; attribute {@code builder}. */
    public static final String ECR_BUILDER_CHOSEN = "ecr.builder.chosen";
    /** AUTO passed over a builder; the message says why. */
    public static final String ECR_BUILDER_SKIPPED = "ecr.builder.skipped";

    public static final String ECR_PUSH = "ecr.push";
    public static final String ECR_PROMOTE = "ecr.promote";
    public static final String ECR_REPOSITORY = "ecr.repository";
    /** A repository setting differs from the requested one. */
    public static final String ECR_REPOSITORY_DRIFT = "ecr.repository.drift";
    /** The scan wait: started, status changes, the verdict. */
    public static final String ECR_SCAN = "ecr.scan";

    /** A torn last line of a history journal was repaired. */
    public static final String HISTORY_TORN_LINE_REPAIRED = "history.torn-line-repaired";
    /** A history journal ends with a torn line that was left as it is. */
    public static final String HISTORY_TORN_LINE = "history.torn-line";
    /** The history store was rebuilt from the builds' records because it was missing or damaged. */
    public static final String HISTORY_REBUILT = "history.rebuilt";
    /** A history journal line that could not be read was skipped. */
    public static final String HISTORY_SKIPPED_LINE = "history.skipped-line";
    /** Compaction moved damaged history lines to the store's file of damaged lines instead of dropping them. */
    public static final String HISTORY_DAMAGED_LINES_KEPT = "history.damaged-lines-kept";

    /** History could not be recorded; the operation itself is unaffected. */
    public static final String HISTORY_NOT_RECORDED = "history.not-recorded";

    /** An entry a killed process left IN_PROGRESS was ended from what AWS says happened. */
    public static final String HISTORY_RECONCILED = "history.reconciled";

    private EventKinds() {}

    /** Whether {@code event} is one line of a task's output (and not a problem reading the logs). */
    public static boolean isLogLine(ProgressEvent event) {
        return TASK_LOG.equals(event.kind()) && event.attributes().containsKey("stream");
    }
}
