package dev.ecsdeploy.emulator.ecr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One repository: its settings (tag mutability, scan on push, encryption, policies, tags), its images in push order,
 * the tag → digest map, and the blobs pushed into it (ECR scopes layers to a repository).
 */
final class EcrRepository {
    private final String name;
    private final String arn;
    private final String uri;
    private final Instant createdAt;
    private final String encryptionType;
    private final String kmsKey;
    private final Map<String, String> resourceTags;
    private final Map<String, StoredImage> images = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Set<String> blobs = new HashSet<>();
    private String tagMutability = "MUTABLE";
    private boolean scanOnPush;
    private String lifecyclePolicy;
    private Instant lifecyclePolicySetAt;
    private String repositoryPolicy;

    EcrRepository(RepositorySettings settings) {
        this.name = settings.name();
        this.arn = settings.arn();
        this.uri = settings.uri();
        this.createdAt = settings.createdAt();
        this.encryptionType = settings.encryptionType();
        this.kmsKey = settings.kmsKey();
        this.resourceTags = new LinkedHashMap<>(settings.tags());
        this.tagMutability = settings.tagMutability();
        this.scanOnPush = settings.scanOnPush();
    }

    /** What CreateRepository fixes for the life of a repository. */
    record RepositorySettings(
            String name,
            String arn,
            String uri,
            Instant createdAt,
            String tagMutability,
            boolean scanOnPush,
            String encryptionType,
            String kmsKey,
            Map<String, String> tags) {}

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String uri() {
        return uri;
    }

    Instant createdAt() {
        return createdAt;
    }

    String encryptionType() {
        return encryptionType;
    }

    String kmsKey() {
        return kmsKey;
    }

    Map<String, String> resourceTags() {
        return resourceTags;
    }

    String tagMutability() {
        return tagMutability;
    }

    void tagMutability(String value) {
        this.tagMutability = value;
    }

    boolean immutableTags() {
        return tagMutability.startsWith("IMMUTABLE");
    }

    boolean scanOnPush() {
        return scanOnPush;
    }

    void scanOnPush(boolean value) {
        this.scanOnPush = value;
    }

    Optional<String> lifecyclePolicy() {
        return Optional.ofNullable(lifecyclePolicy);
    }

    Instant lifecyclePolicySetAt() {
        return lifecyclePolicySetAt;
    }

    void lifecyclePolicy(String text, Instant at) {
        this.lifecyclePolicy = text;
        this.lifecyclePolicySetAt = at;
    }

    Optional<String> repositoryPolicy() {
        return Optional.ofNullable(repositoryPolicy);
    }

    void repositoryPolicy(String text) {
        this.repositoryPolicy = text;
    }

    boolean hasBlob(String digest) {
        return blobs.contains(digest);
    }

    void linkBlob(String digest) {
        blobs.add(digest);
    }

    List<StoredImage> images() {
        return new ArrayList<>(images.values());
    }

    boolean isEmpty() {
        return images.isEmpty();
    }

    Optional<StoredImage> image(String digest) {
        return Optional.ofNullable(images.get(digest));
    }

    Optional<String> digestForTag(String tag) {
        return Optional.ofNullable(tags.get(tag));
    }

    /** A digest or a tag. */
    Optional<StoredImage> resolve(String reference) {
        String digest = Digests.isDigest(reference) ? reference : tags.get(reference);
        return digest == null ? Optional.empty() : image(digest);
    }

    List<String> tagsOf(String digest) {
        List<String> result = new ArrayList<>();
        tags.forEach((tag, target) -> {
            if (target.equals(digest)) {
                result.add(tag);
            }
        });
        return result;
    }

    /** Stores the image unless a manifest with the same digest is already here, and returns the stored one. */
    StoredImage addImage(StoredImage image) {
        return images.computeIfAbsent(image.digest(), digest -> image);
    }

    void tag(String tag, String digest) {
        tags.put(tag, digest);
    }

    void untag(String tag) {
        tags.remove(tag);
    }

    void removeImage(String digest) {
        images.remove(digest);
        tags.values().removeIf(digest::equals);
    }
}
