package dev.ecsdeploy.core.internal.ecr;

import dev.ecsdeploy.core.ecr.RepositoryReport;
import dev.ecsdeploy.core.ecr.TagConflictException;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Pushes an {@link ImageArchive} with our own registry client. The manifest digest is known before the first byte
 * moves, so a tag conflict in a repository with immutable tags is reported before anything is pushed, and blobs the
 * registry already holds are skipped.
 */
final class ArchivePusher {
    private final Clock clock;
    private final ProgressListener listener;

    ArchivePusher(Clock clock, ProgressListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /** Checks conflicts, uploads missing blobs, and puts the manifest under every tag not already on it. */
    String push(
            ImageArchive archive,
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
