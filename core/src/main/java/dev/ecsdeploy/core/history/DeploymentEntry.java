package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.operation.OperationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployment of a task definition to an ECS service (a rollback is a deployment too).
 *
 * @param id the deployment's id (stable over its updates), such as the ECS deployment id
 * @param recordedAt when this snapshot was recorded
 * @param region the AWS region
 * @param accountId the AWS account
 * @param environment the environment (dev, staging, prod); the cluster name when none was given
 * @param cluster the cluster name
 * @param service the service name
 * @param strategy rolling, canary, linear, blue-green or rollback
 * @param previousTaskDefinitionArn what ran before
 * @param taskDefinitionArn what this deployment rolls out
 * @param images the images of the new task definition, the primary container first
 * @param serviceDeploymentArn the ECS service deployment ARN, when there is one
 * @param buildId the id of the {@link ImageBuildEntry} that produced the image, when known
 * @param status where the deployment stands
 * @param reason why it failed or rolled back, or null
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param events what happened along the way, oldest first
 * @param origin who started it and from which build
 * @param application the application the deployment belongs to; the primary image's repository name when not given
 * @param details longer details behind the reason (the failing tasks, the alarm), or null
 * @param scan the scan summary of the primary image at deploy time, or null
 * @param gate the gate decision at deploy time (with any allow-list override), or null
 * @param sourceRevision the commit the primary image was built from (its {@code org.opencontainers.image.revision} label), or null
 * @param sourceCommittedAt when that commit was made, for the lead time, or null
 */
public record DeploymentEntry(
        String id,
        Instant recordedAt,
        String region,
        String accountId,
        String environment,
        String cluster,
        String service,
        String strategy,
        String previousTaskDefinitionArn,
        String taskDefinitionArn,
        List<DeployedImage> images,
        String serviceDeploymentArn,
        String buildId,
        OperationStatus status,
        String reason,
        Instant startedAt,
        Instant finishedAt,
        List<HistoryEvent> events,
        Origin origin,
        String application,
        String details,
        RecordedScan scan,
        RecordedGate gate,
        String sourceRevision,
        Instant sourceCommittedAt)
        implements HistoryEntry {
    public DeploymentEntry {
        Require.text(id, "id");
        Require.present(recordedAt, "recordedAt");
        Require.text(cluster, "cluster");
        Require.text(service, "service");
        Require.present(status, "status");
        environment = environment == null || environment.isBlank() ? cluster : environment;
        images = Require.list(images);
        events = Require.list(events);
        application = application == null || application.isBlank() ? repositoryOf(images) : application;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.DEPLOYMENT;
    }

    /** Returns the service this deployment targets. */
    public DeploymentTarget target() {
        return new DeploymentTarget(accountId, region, cluster, service);
    }

    /** Returns the primary (first) container's image, or null when there is none. */
    public DeployedImage primaryImage() {
        return images.isEmpty() ? null : images.get(0);
    }

    private static String repositoryOf(List<DeployedImage> images) {
        return images.isEmpty() || images.get(0).image() == null
                ? null
                : images.get(0).repositoryName();
    }

    /** Returns the digest of the primary (first) container's image, or null when unknown. */
    public String primaryDigest() {
        return images.isEmpty() ? null : images.get(0).digest();
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
                .strategy(strategy)
                .previousTaskDefinitionArn(previousTaskDefinitionArn)
                .taskDefinitionArn(taskDefinitionArn)
                .images(images)
                .serviceDeploymentArn(serviceDeploymentArn)
                .buildId(buildId)
                .status(status)
                .reason(reason)
                .startedAt(startedAt)
                .finishedAt(finishedAt)
                .events(events)
                .origin(origin)
                .application(application)
                .details(details)
                .scan(scan)
                .gate(gate)
                .sourceRevision(sourceRevision)
                .sourceCommittedAt(sourceCommittedAt);
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DeploymentEntry}; id, recordedAt, cluster, service and status are required. */
    public static final class Builder {
        private String id;
        private Instant recordedAt;
        private String region;
        private String accountId;
        private String environment;
        private String cluster;
        private String service;
        private String strategy;
        private String previousTaskDefinitionArn;
        private String taskDefinitionArn;
        private List<DeployedImage> images = new ArrayList<>();
        private String serviceDeploymentArn;
        private String buildId;
        private OperationStatus status;
        private String reason;
        private Instant startedAt;
        private Instant finishedAt;
        private List<HistoryEvent> events = new ArrayList<>();
        private Origin origin;
        private String application;
        private String details;
        private RecordedScan scan;
        private RecordedGate gate;
        private String sourceRevision;
        private Instant sourceCommittedAt;

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

        public Builder strategy(String strategy) {
            this.strategy = strategy;
            return this;
        }

        public Builder previousTaskDefinitionArn(String previousTaskDefinitionArn) {
            this.previousTaskDefinitionArn = previousTaskDefinitionArn;
            return this;
        }

        public Builder taskDefinitionArn(String taskDefinitionArn) {
            this.taskDefinitionArn = taskDefinitionArn;
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

        public Builder serviceDeploymentArn(String serviceDeploymentArn) {
            this.serviceDeploymentArn = serviceDeploymentArn;
            return this;
        }

        public Builder buildId(String buildId) {
            this.buildId = buildId;
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

        public Builder application(String application) {
            this.application = application;
            return this;
        }

        public Builder details(String details) {
            this.details = details;
            return this;
        }

        public Builder scan(RecordedScan scan) {
            this.scan = scan;
            return this;
        }

        public Builder gate(RecordedGate gate) {
            this.gate = gate;
            return this;
        }

        public Builder sourceRevision(String sourceRevision) {
            this.sourceRevision = sourceRevision;
            return this;
        }

        public Builder sourceCommittedAt(Instant sourceCommittedAt) {
            this.sourceCommittedAt = sourceCommittedAt;
            return this;
        }

        public DeploymentEntry build() {
            return new DeploymentEntry(
                    id,
                    recordedAt,
                    region,
                    accountId,
                    environment,
                    cluster,
                    service,
                    strategy,
                    previousTaskDefinitionArn,
                    taskDefinitionArn,
                    images,
                    serviceDeploymentArn,
                    buildId,
                    status,
                    reason,
                    startedAt,
                    finishedAt,
                    events,
                    origin,
                    application,
                    details,
                    scan,
                    gate,
                    sourceRevision,
                    sourceCommittedAt);
        }
    }
}
