package dev.ecsdeploy.core.history;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.time.Instant;

/**
 * One thing that happened: an image build, a deployment or a one-off task, as it stood when it was recorded.
 *
 * <p>An operation is recorded as often as its state changes (in progress, then final); each entry is a full
 * snapshot, and the newest entry with the same {@link #kind()} and {@link #id()} supersedes the older ones. Stored
 * as one JSON object per line whose {@code type} property names the kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ImageBuildEntry.class, name = "build"),
    @JsonSubTypes.Type(value = DeploymentEntry.class, name = "deployment"),
    @JsonSubTypes.Type(value = TaskRunEntry.class, name = "task")
})
public sealed interface HistoryEntry permits ImageBuildEntry, DeploymentEntry, TaskRunEntry {
    /** Returns the id that stays the same over every update of one operation. */
    String id();

    /** Returns when this snapshot was recorded. */
    Instant recordedAt();

    /** Returns where the operation stands. */
    OperationStatus status();

    /** Returns when the operation started, or null when unknown. */
    Instant startedAt();

    /** Returns when the operation ended, or null while it runs. */
    Instant finishedAt();

    /** Returns why it ended as it did (a stopped reason, a rollback cause), or null. */
    String reason();

    /** Returns the AWS region, for console links; may be null. */
    String region();

    /** Returns the AWS account id, for console links; may be null. */
    String accountId();

    /** Returns who started it and from which build; may be null. */
    Origin origin();

    /** Returns what this entry describes. */
    EntryKind kind();

    /** Returns the time the timeline sorts by: when it started, else when it was recorded. */
    default Instant time() {
        return startedAt() != null ? startedAt() : recordedAt();
    }

    /** Returns the key shared by every update of one operation. */
    default String key() {
        return kind().type() + ":" + id();
    }
}
