package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.operation.OperationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-off ECS task, such as a database migration.
 *
 * @param id the run's id (stable over its updates), such as the task ARN's last part
 * @param recordedAt when this snapshot was recorded
 * @param region the AWS region
 * @param accountId the AWS account
 * @param environment the environment; the cluster name when none was given
 * @param cluster the cluster name
 * @param service the service whose task definition the task used, or null
 * @param taskDefinitionArn the task definition it ran
 * @param taskArn the task's ARN once ECS gave one
 * @param images the images it ran, the essential container first
 * @param command the command override, or empty
 * @param exitCode the essential container's exit code, once known
 * @param status where the task stands
 * @param reason the stopped reason, or null
 * @param startedAt when it started
 * @param finishedAt when it stopped
 * @param events what happened along the way, oldest first
 * @param origin who started it and from which build
 */
public record TaskRunEntry(
        String id,
        Instant recordedAt,
        String region,
        String accountId,
        String environment,
        String cluster,
        String service,
        String taskDefinitionArn,
        String taskArn,
        List<DeployedImage> images,
        List<String> command,
        Integer exitCode,
        OperationStatus status,
        String reason,
        Instant startedAt,
        Instant finishedAt,
        List<HistoryEvent> events,
        Origin origin)
        implements HistoryEntry {
    public TaskRunEntry {
        Require.text(id, "id");
        Require.present(recordedAt, "recordedAt");
        Require.text(cluster, "cluster");
        Require.present(status, "status");
        environment = environment == null || environment.isBlank() ? cluster : environment;
        images = Require.list(images);
        command = Require.list(command);
        events = Require.list(events);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.TASK;
    }

    /** Returns a builder with the given fields filled in. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .recordedAt(recordedAt)
                .region(region)
                .accountId(accountId)
                .environment(environment)
                .cluster(cluster)
                .service(service)
                .taskDefinitionArn(taskDefinitionArn)
                .taskArn(taskArn)
                .images(images)
                .command(command)
                .exitCode(exitCode)
                .status(status)
                .reason(reason)
                .startedAt(startedAt)
                .finishedAt(finishedAt)
                .events(events)
                .origin(origin);
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TaskRunEntry}; id, recordedAt, cluster and status are required. */
    public static final class Builder {
        private String id;
        private Instant recordedAt;
        private String region;
        private String accountId;
        private String environment;
        private String cluster;
        private String service;
        private String taskDefinitionArn;
        private String taskArn;
        private List<DeployedImage> images = new ArrayList<>();
        private List<String> command = new ArrayList<>();
        private Integer exitCode;
        private OperationStatus status;
        private String reason;
        private Instant startedAt;
        private Instant finishedAt;
        private List<HistoryEvent> events = new ArrayList<>();
        private Origin origin;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder recordedAt(Instant recordedAt) {
            this.recordedAt = recordedAt;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        public Builder service(String service) {
            this.service = service;
            return this;
        }

        public Builder taskDefinitionArn(String taskDefinitionArn) {
            this.taskDefinitionArn = taskDefinitionArn;
            return this;
        }

        public Builder taskArn(String taskArn) {
            this.taskArn = taskArn;
            return this;
        }

        public Builder images(List<DeployedImage> images) {
            this.images = new ArrayList<>(images);
            return this;
        }

        public Builder addImage(DeployedImage image) {
            this.images.add(image);
            return this;
        }

        public Builder command(List<String> command) {
            this.command = new ArrayList<>(command);
            return this;
        }

        public Builder exitCode(Integer exitCode) {
            this.exitCode = exitCode;
            return this;
        }

        public Builder status(OperationStatus status) {
            this.status = status;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder finishedAt(Instant finishedAt) {
            this.finishedAt = finishedAt;
            return this;
        }

        public Builder events(List<HistoryEvent> events) {
            this.events = new ArrayList<>(events);
            return this;
        }

        public Builder addEvent(HistoryEvent event) {
            this.events.add(event);
            return this;
        }

        public Builder origin(Origin origin) {
            this.origin = origin;
            return this;
        }

        public TaskRunEntry build() {
            return new TaskRunEntry(
                    id,
                    recordedAt,
                    region,
                    accountId,
                    environment,
                    cluster,
                    service,
                    taskDefinitionArn,
                    taskArn,
                    images,
                    command,
                    exitCode,
                    status,
                    reason,
                    startedAt,
                    finishedAt,
                    events,
                    origin);
        }
    }
}
