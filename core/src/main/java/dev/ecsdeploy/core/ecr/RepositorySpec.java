package dev.ecsdeploy.core.ecr;

import java.util.Objects;

/**
 * The repository an image goes to and, optionally, the settings it should have. Settings left {@code null} are not
 * checked. A missing repository is created only when {@code createIfMissing} is set; an existing one whose settings
 * differ is reported as drift and changed only when {@code applyChanges} is set.
 *
 * @param name the repository name, e.g. {@code team/web}
 * @param registryId the 12-digit account that owns the registry, or {@code null} for the caller's account
 * @param createIfMissing create the repository when it does not exist
 * @param applyChanges bring an existing repository to these settings instead of only reporting drift
 * @param scanOnPush basic scan on push
 * @param immutableTags tag immutability
 * @param encryption encryption at rest (only settable at creation; AWS cannot change it later)
 * @param lifecyclePolicy the lifecycle policy JSON (see {@link LifecyclePolicies})
 * @param repositoryPolicy the repository policy JSON (for example cross-account pull)
 */
public record RepositorySpec(
        String name,
        String registryId,
        boolean createIfMissing,
        boolean applyChanges,
        Boolean scanOnPush,
        Boolean immutableTags,
        Encryption encryption,
        String lifecyclePolicy,
        String repositoryPolicy) {

    /**
     * Encryption at rest: {@code AES256} or {@code KMS} with an optional key (the AWS managed key when absent).
     */
    public record Encryption(String type, String kmsKey) {
        public Encryption {
            if (!"AES256".equals(type) && !"KMS".equals(type)) {
                throw new EcrImageException("invalid encryption type '" + type + "': use AES256 or KMS");
            }
        }

        public static Encryption aes256() {
            return new Encryption("AES256", null);
        }

        public static Encryption kms(String key) {
            return new Encryption("KMS", key);
        }
    }

    public RepositorySpec {
        Objects.requireNonNull(name, "name");
    }

    public static RepositorySpec named(String name) {
        return builder().name(name).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .registryId(registryId)
                .createIfMissing(createIfMissing)
                .applyChanges(applyChanges)
                .scanOnPush(scanOnPush)
                .immutableTags(immutableTags)
                .encryption(encryption)
                .lifecyclePolicy(lifecyclePolicy)
                .repositoryPolicy(repositoryPolicy);
    }

    /** Builds a {@link RepositorySpec}. */
    public static final class Builder {
        private String name;
        private String registryId;
        private boolean createIfMissing;
        private boolean applyChanges;
        private Boolean scanOnPush;
        private Boolean immutableTags;
        private Encryption encryption;
        private String lifecyclePolicy;
        private String repositoryPolicy;

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder registryId(String value) {
            this.registryId = value;
            return this;
        }

        public Builder createIfMissing(boolean value) {
            this.createIfMissing = value;
            return this;
        }

        public Builder applyChanges(boolean value) {
            this.applyChanges = value;
            return this;
        }

        public Builder scanOnPush(Boolean value) {
            this.scanOnPush = value;
            return this;
        }

        public Builder immutableTags(Boolean value) {
            this.immutableTags = value;
            return this;
        }

        public Builder encryption(Encryption value) {
            this.encryption = value;
            return this;
        }

        public Builder lifecyclePolicy(String json) {
            this.lifecyclePolicy = json;
            return this;
        }

        public Builder repositoryPolicy(String json) {
            this.repositoryPolicy = json;
            return this;
        }

        public RepositorySpec build() {
            return new RepositorySpec(
                    name,
                    registryId,
                    createIfMissing,
                    applyChanges,
                    scanOnPush,
                    immutableTags,
                    encryption,
                    lifecyclePolicy,
                    repositoryPolicy);
        }
    }
}
