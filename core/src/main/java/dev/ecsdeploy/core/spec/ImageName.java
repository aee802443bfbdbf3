package dev.ecsdeploy.core.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * A container image reference split into registry host, repository, tag and digest, e.g.
 * {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2@sha256:…}.
 *
 * @param host the registry host with its port, or empty for Docker Hub short names
 * @param repository the repository path without host
 * @param tag the tag, or null
 * @param digest the {@code sha256:…} digest, or null
 */
public record ImageName(String host, String repository, String tag, String digest) {
    public ImageName {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(repository, "repository");
    }

    /** Parses a reference; a first path segment with a dot, a colon or {@code localhost} is the registry host. */
    public static ImageName parse(String reference) {
        if (reference == null || reference.isBlank() || reference.contains(" ")) {
            throw new InvalidSpecException("image reference is invalid: '" + reference + "'");
        }
        requireDockerGrammar(reference);
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String host = "";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                host = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        if (rest.isEmpty()) {
            throw new InvalidSpecException("image reference is invalid: '" + reference + "' has no repository");
        }
        return new ImageName(host, rest, tag, digest);
    }

    /**
     * The containers an image belongs in when none is named: those whose image has the same repository (host and
     * path), in the order given. The rule {@code deploy --image} and {@code run-task --image} share.
     */
    public static java.util.List<String> containersOfRepository(
            java.util.Map<String, String> imagesByContainer, String image) {
        String target = parse(image).repositoryPath();
        return imagesByContainer.entrySet().stream()
                .filter(e -> sameRepository(e.getValue(), target))
                .map(java.util.Map.Entry::getKey)
                .toList();
    }

    private static boolean sameRepository(String image, String repositoryPath) {
        try {
            return parse(image).repositoryPath().equals(repositoryPath);
        } catch (InvalidSpecException e) {
            return false; // a running image we cannot read is not "the same repository"
        }
    }

    /**
     * Holds the reference to the grammar Docker and ECS pull by, read by Jib's parser: a reference ECS cannot pull
     * must be refused before a task definition that names it is registered.
     */
    private static void requireDockerGrammar(String reference) {
        try {
            com.google.cloud.tools.jib.api.ImageReference.parse(reference);
        } catch (com.google.cloud.tools.jib.api.InvalidImageReferenceException e) {
            throw new InvalidSpecException("image reference is invalid: '" + reference
                    + "' (expected [registry/]repository[:tag][@sha256:digest], the repository in lower case)");
        }
    }

    /** {@code host/repository} or just the repository for short names: what "the same image" means when replacing. */
    public String repositoryPath() {
        return host.isEmpty() ? repository : host + "/" + repository;
    }

    public Optional<String> tagOrDigest() {
        return Optional.ofNullable(digest != null ? digest : tag);
    }

    public boolean isPinned() {
        return digest != null;
    }

    /** The same repository pinned to {@code newDigest}; the tag is dropped because ECS uses the digest. */
    public ImageName withDigest(String newDigest) {
        return new ImageName(host, repository, null, newDigest);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(repositoryPath());
        if (tag != null) {
            text.append(':').append(tag);
        }
        if (digest != null) {
            text.append('@').append(digest);
        }
        return text.toString();
    }
}
