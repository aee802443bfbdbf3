package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.RepositoryReport;
import dev.ecsdeploy.core.ecr.RepositorySpec;
import dev.ecsdeploy.core.ecr.TagConflictException;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;

/**
 * Pushes an {@link ImageArchive} with our own registry client. The manifest digest is known before the first byte
 * moves, so a tag conflict in a repository with immutable tags is reported before anything is pushed, an image whose
 * tags all point at it already uploads nothing, an image ECR already holds only gets its missing tags (PutImage, no
 * blob), and blobs the registry already holds are skipped.
 */
final class ArchivePusher {
    private final EcrClient ecr;
    private final ImageLookup images;
    private final Clock clock;
    private final ProgressListener listener;

    ArchivePusher(EcrClient ecr, ImageLookup images, Clock clock, ProgressListener listener) {
        this.ecr = ecr;
        this.images = images;
        this.clock = clock;
        this.listener = listener;
    }

    /** Checks conflicts, then tags or uploads what is missing; returns the manifest digest. */
    String push(
            ImageArchive archive,
            RepositorySpec spec,
            RepositoryReport repository,
            RegistryCredential credential,
            List<String> tags,
            Map<String, String> existing) {
        String digest = archive.digest();
        requireNoConflict(repository, tags, existing, digest);
        List<String> toTag =
                tags.stream().filter(tag -> !digest.equals(existing.get(tag))).toList();
        if (toTag.isEmpty()) {
            return digest;
        }
        if (images.find(spec, digest).isPresent()) {
            toTag.forEach(tag -> putTag(spec, archive, tag));
            listener.onEvent(ProgressEvent.info(
                            clock.instant(),
                            EventKinds.ECR_PUSH,
                            "tagged " + repository.repositoryUri() + "@" + digest + " as " + String.join(", ", toTag)
                                    + ": ECR already held the image, nothing uploaded")
                    .withAttribute("uploadedBytes", "0"));
            return digest;
        }
        RegistryClient registry = new RegistryClient(repository.registry(), credential);
        long uploaded = uploadMissing(registry, repository.repositoryName(), archive);
        for (String tag : toTag) {
            registry.putManifest(repository.repositoryName(), tag, archive.manifestMediaType(), archive.manifest());
        }
        listener.onEvent(ProgressEvent.info(
                        clock.instant(),
                        EventKinds.ECR_PUSH,
                        "pushed " + repository.repositoryUri() + "@" + digest + " (" + uploaded
                                + " layer bytes uploaded) as " + String.join(", ", toTag))
                .withAttribute("uploadedBytes", Long.toString(uploaded)));
        return digest;
    }

    private void putTag(RepositorySpec repository, ImageArchive archive, String tag) {
        try {
            ecr.putImage(r -> r.registryId(repository.registryId())
                    .repositoryName(repository.name())
                    .imageManifest(new String(archive.manifest(), StandardCharsets.UTF_8))
                    .imageManifestMediaType(archive.manifestMediaType())
                    .imageDigest(archive.digest())
                    .imageTag(tag));
        } catch (ImageAlreadyExistsException e) {
            // Another run tagged it meanwhile: the tag points where we want it.
        }
    }

    static void requireNoConflict(
            RepositoryReport repository, List<String> tags, Map<String, String> existing, String digest) {
        if (!repository.immutableTags()) {
            return;
        }
        for (String tag : tags) {
            String current = existing.get(tag);
            if (current != null && !current.equals(digest)) {
                throw new TagConflictException(repository.repositoryName(), tag, current, digest);
            }
        }
    }

    private static long uploadMissing(RegistryClient registry, String repository, ImageArchive archive) {
        long uploaded = 0;
        for (ImageArchive.Blob blob : archive.blobs()) {
            if (!registry.hasBlob(repository, blob.digest())) {
                registry.uploadBlob(repository, blob.digest(), blob.file());
                uploaded += blob.size();
            }
        }
        return uploaded;
    }
}
