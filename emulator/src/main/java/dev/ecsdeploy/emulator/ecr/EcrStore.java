package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.emulator.workload.Workload;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's state: repositories with their images and tags, the shared blob store, and the registry scanning
 * configuration. Every method is synchronized on the store; the JSON API (under the emulator's lock) and the
 * registry route (without it) meet here, and the store never calls back into either, so there is no lock cycle.
 */
final class EcrStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlobStore blobs = new BlobStore();
    private final Map<String, EcrRepository> repositories = new LinkedHashMap<>();
    private final String registryId;
    private ScanningConfiguration scanning = ScanningConfiguration.DEFAULT;
    private Duration scanDuration = Duration.ofSeconds(10);

    EcrStore(String registryId) {
        this.registryId = registryId;
    }

    String registryId() {
        return registryId;
    }

    BlobStore blobs() {
        return blobs;
    }

    synchronized Optional<EcrRepository> repository(String name) {
        return Optional.ofNullable(repositories.get(name));
    }

    synchronized EcrRepository requireRepository(String name) {
        EcrRepository repository = repositories.get(name);
        if (repository == null) {
            throw EcrErrors.repositoryNotFound(name, registryId);
        }
        return repository;
    }

    synchronized List<EcrRepository> repositories() {
        return new ArrayList<>(repositories.values());
    }

    synchronized EcrRepository create(EcrRepository.RepositorySettings settings) {
        if (repositories.containsKey(settings.name())) {
            throw EcrErrors.repositoryAlreadyExists(settings.name(), registryId);
        }
        EcrRepository repository = new EcrRepository(settings);
        repositories.put(settings.name(), repository);
        return repository;
    }

    synchronized EcrRepository delete(String name, boolean force) {
        EcrRepository repository = requireRepository(name);
        if (!force && !repository.isEmpty()) {
            throw EcrErrors.repositoryNotEmpty(name, registryId);
        }
        repositories.remove(name);
        return repository;
    }

    synchronized ScanningConfiguration scanning() {
        return scanning;
    }

    /** Switching between basic and enhanced drops the earlier scans, as in ECR; continuous rules cover old images. */
    synchronized void scanning(ScanningConfiguration configuration, Instant now) {
        boolean switched = configuration.enhanced() != scanning.enhanced();
        this.scanning = configuration;
        for (EcrRepository repository : repositories.values()) {
            for (StoredImage image : repository.images()) {
                if (switched) {
                    image.clearScan();
                }
                boolean continuous = configuration.enhanced()
                        && configuration
                                .frequencyFor(repository.name())
                                .orElse("")
                                .equals("CONTINUOUS_SCAN");
                if (continuous && image.scan() == null) {
                    image.scan(new ImageScan(ImageScan.Kind.ENHANCED_CONTINUOUS, now, now.plus(scanDuration)));
                }
            }
        }
    }

    synchronized Duration scanDuration() {
        return scanDuration;
    }

    synchronized void scanDuration(Duration duration) {
        this.scanDuration = duration;
    }

    synchronized void advanceTo(Instant now) {
        for (EcrRepository repository : repositories.values()) {
            for (StoredImage image : repository.images()) {
                if (image.scan() != null) {
                    image.scan().advanceTo(now);
                }
            }
        }
    }

    /** Makes a blob pushed into the shared store visible in one repository. */
    synchronized void link(String repositoryName, String digest) {
        requireRepository(repositoryName).linkBlob(digest);
    }

    synchronized boolean hasBlob(String repositoryName, String digest) {
        EcrRepository repository = repositories.get(repositoryName);
        return repository != null && repository.hasBlob(digest) && blobs.contains(digest);
    }

    /**
     * Stores a manifest and moves {@code tag} (may be null) to it, enforcing that its blobs (or, for an index, its
     * manifests) are in the repository and that an immutable tag never moves. A new image is scanned on push when
     * the repository or the registry scanning rules say so.
     */
    synchronized StoredImage putManifest(String repositoryName, Manifest manifest, String tag, Instant now) {
        EcrRepository repository = requireRepository(repositoryName);
        List<String> missing = missingReferences(repository, manifest);
        if (!missing.isEmpty()) {
            throw new ImageStoreException(ImageStoreException.Reason.REFERENCE_UNKNOWN, missing.toString());
        }
        if (tag != null) {
            Optional<String> current = repository.digestForTag(tag);
            if (repository.immutableTags()
                    && current.isPresent()
                    && !current.get().equals(manifest.digest())) {
                throw new ImageStoreException(ImageStoreException.Reason.TAG_IMMUTABLE, tag);
            }
        }
        boolean isNew = repository.image(manifest.digest()).isEmpty();
        StoredImage image = repository.addImage(newImage(repository, manifest, now));
        if (tag != null) {
            repository.tag(tag, manifest.digest());
        }
        if (isNew) {
            scanOnPush(repository, image, now);
        }
        return image;
    }

    private List<String> missingReferences(EcrRepository repository, Manifest manifest) {
        List<String> missing = new ArrayList<>();
        if (manifest.isIndex()) {
            manifest.children().stream()
                    .map(Manifest.Descriptor::digest)
                    .filter(digest -> repository.image(digest).isEmpty())
                    .forEach(missing::add);
            return missing;
        }
        manifest.blobDigests().stream()
                .filter(digest -> !(repository.hasBlob(digest) && blobs.contains(digest)))
                .forEach(missing::add);
        return missing;
    }

    private StoredImage newImage(EcrRepository repository, Manifest manifest, Instant now) {
        if (manifest.isIndex()) {
            Optional<StoredImage> first = manifest.children().stream()
                    .map(child -> repository.image(child.digest()))
                    .flatMap(Optional::stream)
                    .findFirst();
            long size = manifest.children().stream()
                    .map(child -> repository.image(child.digest()))
                    .flatMap(Optional::stream)
                    .mapToLong(StoredImage::sizeInBytes)
                    .sum();
            Map<String, String> labels = first.map(StoredImage::labels).orElse(Map.of());
            return new StoredImage(manifest, now, size, labels, workloadOf(labels));
        }
        Map<String, String> labels = labels(manifest);
        return new StoredImage(manifest, now, manifest.blobBytes(), labels, workloadOf(labels));
    }

    private Map<String, String> labels(Manifest manifest) {
        Optional<byte[]> config = blobs.get(manifest.config().digest());
        if (config.isEmpty()) {
            return Map.of();
        }
        try {
            JsonNode labels = JSON.readTree(config.get()).path("config").path("Labels");
            Map<String, String> result = new LinkedHashMap<>();
            labels.fields()
                    .forEachRemaining(
                            field -> result.put(field.getKey(), field.getValue().asText()));
            return result;
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** A label the emulator cannot read must not make the push fail; the image then behaves as the default. */
    private static Workload workloadOf(Map<String, String> labels) {
        try {
            return Workload.fromLabels(labels);
        } catch (IllegalArgumentException e) {
            return Workload.DEFAULT;
        }
    }

    private void scanOnPush(EcrRepository repository, StoredImage image, Instant now) {
        Optional<String> frequency = scanning.frequencyFor(repository.name());
        Instant due = now.plus(scanDuration);
        if (scanning.enhanced()) {
            frequency.ifPresent(value -> image.scan(new ImageScan(
                    value.equals("CONTINUOUS_SCAN")
                            ? ImageScan.Kind.ENHANCED_CONTINUOUS
                            : ImageScan.Kind.ENHANCED_ON_PUSH,
                    now,
                    due)));
        } else if (repository.scanOnPush() || frequency.isPresent()) {
            image.scan(new ImageScan(ImageScan.Kind.BASIC, now, due));
        }
    }

    /** Starts a manual basic scan, at most one per image per 24 hours (a scan on push counts). */
    synchronized ImageScan startBasicScan(StoredImage image, Instant now) {
        Instant last = image.lastBasicScanAt();
        if (last != null && now.isBefore(last.plus(Duration.ofHours(24)))) {
            throw EcrErrors.scanQuotaExceeded();
        }
        ImageScan scan = new ImageScan(ImageScan.Kind.BASIC, now, now.plus(scanDuration));
        image.scan(scan);
        return scan;
    }

    /** Why a manifest could not be stored; the API and the registry each word it in their own protocol. */
    static final class ImageStoreException extends RuntimeException {
        /** The kinds of refusal. */
        enum Reason {
            REFERENCE_UNKNOWN,
            TAG_IMMUTABLE
        }

        private final Reason reason;

        ImageStoreException(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }
}
