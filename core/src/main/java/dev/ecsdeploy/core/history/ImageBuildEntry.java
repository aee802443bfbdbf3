package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.operation.OperationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An image built and pushed to ECR, with its scan report and gate verdict.
 *
 * @param id the build's id (stable over its updates)
 * @param recordedAt when this snapshot was recorded
 * @param region the AWS region of the registry
 * @param accountId the AWS account of the registry
 * @param registry the registry host, such as {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com}
 * @param repository the repository name
 * @param tags the tags pushed
 * @param digest the pushed manifest's {@code sha256:…} digest
 * @param buildTool the tool that built it (docker, podman, buildah, jib)
 * @param scan the scan report, or null when there was no scan
 * @param gate the gate verdict, or null when no gate was set
 * @param status where the build stands
 * @param reason why it failed, or null
 * @param startedAt when the build started
 * @param finishedAt when it ended
 * @param origin who started it and from which build
 * @param revision the commit the image was built from (its {@code org.opencontainers.image.revision} label), or null
 * @param revisionCommittedAt when that commit was made (its committer date), or null when unknown
 */
public record ImageBuildEntry(
        String id,
        Instant recordedAt,
        String region,
        String accountId,
        String registry,
        String repository,
        List<String> tags,
        String digest,
        String buildTool,
        RecordedScan scan,
        RecordedGate gate,
        OperationStatus status,
        String reason,
        Instant startedAt,
        Instant finishedAt,
        Origin origin,
        String revision,
        Instant revisionCommittedAt)
        implements HistoryEntry {
    public ImageBuildEntry {
        Require.text(id, "id");
        Require.present(recordedAt, "recordedAt");
        Require.text(repository, "repository");
        Require.present(status, "status");
        tags = Require.list(tags);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.BUILD;
    }

    /** Returns {@code registry/repository@digest}, or the repository alone when either part is unknown. */
    public String imageUri() {
        String name = registry == null ? repository : registry + "/" + repository;
        return digest == null ? name : name + "@" + digest;
    }

    /** Returns a builder with the given fields filled in. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .recordedAt(recordedAt)
                .region(region)
                .accountId(accountId)
                .registry(registry)
                .repository(repository)
                .tags(tags)
                .digest(digest)
                .buildTool(buildTool)
                .scan(scan)
                .gate(gate)
                .status(status)
                .reason(reason)
                .startedAt(startedAt)
                .finishedAt(finishedAt)
                .origin(origin)
                .revision(revision)
                .revisionCommittedAt(revisionCommittedAt);
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ImageBuildEntry}; id, recordedAt, repository and status are required. */
    public static final class Builder {
        private String id;
        private Instant recordedAt;
        private String region;
        private String accountId;
        private String registry;
        private String repository;
        private List<String> tags = new ArrayList<>();
        private String digest;
        private String buildTool;
        private RecordedScan scan;
        private RecordedGate gate;
        private OperationStatus status;
        private String reason;
        private Instant startedAt;
        private Instant finishedAt;
        private Origin origin;
        private String revision;
        private Instant revisionCommittedAt;

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

        public Builder registry(String registry) {
            this.registry = registry;
            return this;
        }

        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = new ArrayList<>(tags);
            return this;
        }

        public Builder addTag(String tag) {
            this.tags.add(tag);
            return this;
        }

        public Builder digest(String digest) {
            this.digest = digest;
            return this;
        }

        public Builder buildTool(String buildTool) {
            this.buildTool = buildTool;
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

        public Builder origin(Origin origin) {
            this.origin = origin;
            return this;
        }

        public Builder revision(String revision) {
            this.revision = revision;
            return this;
        }

        public Builder revisionCommittedAt(Instant revisionCommittedAt) {
            this.revisionCommittedAt = revisionCommittedAt;
            return this;
        }

        public ImageBuildEntry build() {
            return new ImageBuildEntry(
                    id,
                    recordedAt,
                    region,
                    accountId,
                    registry,
                    repository,
                    tags,
                    digest,
                    buildTool,
                    scan,
                    gate,
                    status,
                    reason,
                    startedAt,
                    finishedAt,
                    origin,
                    revision,
                    revisionCommittedAt);
        }
    }
}
