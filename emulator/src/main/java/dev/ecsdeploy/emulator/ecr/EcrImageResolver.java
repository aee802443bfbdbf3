package dev.ecsdeploy.emulator.ecr;

import dev.ecsdeploy.emulator.workload.ImageResolution;
import dev.ecsdeploy.emulator.workload.ImageResolver;
import dev.ecsdeploy.emulator.workload.Workload;
import java.util.Optional;

/**
 * Tells ECS what an image reference runs: an image in this registry (found by tag or digest) behaves as its labels
 * say; a reference that names this registry but no stored image fails to pull as in ECS; any other registry is
 * invisible to the emulator and runs as a healthy default image.
 */
final class EcrImageResolver implements ImageResolver {
    private final EcrStore store;
    private final String registryHost;

    EcrImageResolver(EcrStore store, String registryHost) {
        this.store = store;
        this.registryHost = registryHost;
    }

    @Override
    public ImageResolution resolve(String imageReference) {
        String prefix = registryHost + "/";
        if (imageReference == null || !imageReference.startsWith(prefix)) {
            return new ImageResolution.Foreign(Workload.DEFAULT);
        }
        String rest = imageReference.substring(prefix.length());
        int at = rest.indexOf('@');
        int colon = rest.lastIndexOf(':');
        boolean hasTag = at < 0 && colon > rest.lastIndexOf('/');
        String name = at >= 0 ? rest.substring(0, at) : hasTag ? rest.substring(0, colon) : rest;
        String reference = at >= 0 ? rest.substring(at + 1) : hasTag ? rest.substring(colon + 1) : "latest";
        Optional<StoredImage> image = find(name, reference);
        if (image.isEmpty()) {
            return new ImageResolution.Missing(
                    "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                            + imageReference + ": " + imageReference + ": not found");
        }
        return new ImageResolution.Found(name, image.get().digest(), image.get().workload());
    }

    private Optional<StoredImage> find(String name, String reference) {
        synchronized (store) {
            return store.repository(name).flatMap(repository -> repository.resolve(reference));
        }
    }
}
