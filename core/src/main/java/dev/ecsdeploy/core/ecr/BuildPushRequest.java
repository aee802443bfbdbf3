package dev.ecsdeploy.core.ecr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an image and pushes it to ECR under every tag. Dockerfile builders (Docker CLI, podman, buildah) use the
 * context directory, Dockerfile and build options; the Jib builder uses {@link #jibImage()}. Paths are on the machine
 * where the {@code CommandRunner} runs commands.
 *
 * <p>Besides {@link #labels()}, the image gets the OCI labels {@code org.opencontainers.image.revision}, {@code
 * source}, {@code created}, {@code version} and {@code dev.ecsdeploy.build-url} for the values given here.
 */
public record BuildPushRequest(
        RepositorySpec repository,
        List<String> tags,
        BuilderKind builderKind,
        Path contextDirectory,
        Path dockerfile,
        Map<String, String> buildArgs,
        String target,
        List<String> platforms,
        Map<String, String> labels,
        String revision,
        String sourceUrl,
        String version,
        String buildUrl,
        java.time.Instant created,
        List<String> cacheFrom,
        List<String> cacheTo,
        boolean noCache,
        boolean pull,
        List<BuildSecret> secrets,
        List<String> extraArgs,
        JibImage jibImage) {

    public BuildPushRequest {
        Objects.requireNonNull(repository, "repository");
        tags = List.copyOf(tags);
        builderKind = Objects.requireNonNullElse(builderKind, BuilderKind.AUTO);
        buildArgs = Map.copyOf(buildArgs);
        platforms = List.copyOf(platforms);
        labels = Map.copyOf(labels);
        cacheFrom = List.copyOf(cacheFrom);
        cacheTo = List.copyOf(cacheTo);
        secrets = List.copyOf(secrets);
        extraArgs = List.copyOf(extraArgs);
    }

    /** The Dockerfile to use: the one given, else {@code Dockerfile} in the context directory. */
    public Path effectiveDockerfile() {
        if (dockerfile != null) {
            return dockerfile.isAbsolute() || contextDirectory == null
                    ? dockerfile
                    : contextDirectory.resolve(dockerfile);
        }
        return contextDirectory == null ? null : contextDirectory.resolve("Dockerfile");
    }

    /** This request with {@code image} as its Jib image, e.g. read from the Dockerfile when Jib was chosen. */
    public BuildPushRequest withJibImage(JibImage image) {
        return new BuildPushRequest(
                repository,
                tags,
                builderKind,
                contextDirectory,
                dockerfile,
                buildArgs,
                target,
                platforms,
                labels,
                revision,
                sourceUrl,
                version,
                buildUrl,
                created,
                cacheFrom,
                cacheTo,
                noCache,
                pull,
                secrets,
                extraArgs,
                image);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link BuildPushRequest}. */
    public static final class Builder {
        private RepositorySpec repository;
        private final List<String> tags = new ArrayList<>();
        private BuilderKind builderKind = BuilderKind.AUTO;
        private Path contextDirectory;
        private Path dockerfile;
        private final Map<String, String> buildArgs = new LinkedHashMap<>();
        private String target;
        private final List<String> platforms = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String revision;
        private String sourceUrl;
        private String version;
        private String buildUrl;
        private java.time.Instant created;
        private final List<String> cacheFrom = new ArrayList<>();
        private final List<String> cacheTo = new ArrayList<>();
        private boolean noCache;
        private boolean pull;
        private final List<BuildSecret> secrets = new ArrayList<>();
        private final List<String> extraArgs = new ArrayList<>();
        private JibImage jibImage;

        public Builder repository(RepositorySpec value) {
            this.repository = value;
            return this;
        }

        public Builder repository(String name) {
            return repository(RepositorySpec.named(name));
        }

        public Builder tags(List<String> values) {
            tags.clear();
            tags.addAll(values);
            return this;
        }

        public Builder addTag(String value) {
            tags.add(value);
            return this;
        }

        public Builder builderKind(BuilderKind value) {
            this.builderKind = value;
            return this;
        }

        public Builder contextDirectory(Path value) {
            this.contextDirectory = value;
            return this;
        }

        public Builder dockerfile(Path value) {
            this.dockerfile = value;
            return this;
        }

        public Builder putBuildArg(String name, String value) {
            buildArgs.put(name, value);
            return this;
        }

        public Builder target(String value) {
            this.target = value;
            return this;
        }

        public Builder platforms(List<String> values) {
            platforms.clear();
            platforms.addAll(values);
            return this;
        }

        public Builder putLabel(String name, String value) {
            labels.put(name, value);
            return this;
        }

        public Builder revision(String value) {
            this.revision = value;
            return this;
        }

        public Builder sourceUrl(String value) {
            this.sourceUrl = value;
            return this;
        }

        public Builder version(String value) {
            this.version = value;
            return this;
        }

        public Builder buildUrl(String value) {
            this.buildUrl = value;
            return this;
        }

        /**
         * The image's creation time: its {@code created} field, its {@code org.opencontainers.image.created} label
         * and, where the builder supports it, every file time in its layers. Pass the commit time. When absent, the
         * engine takes {@code SOURCE_DATE_EPOCH}, then the last commit time of the context directory's git checkout,
         * then the Unix epoch; never now, so an unchanged source rebuilds to the same digest and the push reports
         * "unchanged".
         */
        public Builder created(java.time.Instant value) {
            this.created = value;
            return this;
        }

        public Builder addCacheFrom(String value) {
            cacheFrom.add(value);
            return this;
        }

        public Builder addCacheTo(String value) {
            cacheTo.add(value);
            return this;
        }

        public Builder noCache(boolean value) {
            this.noCache = value;
            return this;
        }

        public Builder pull(boolean value) {
            this.pull = value;
            return this;
        }

        public Builder addSecret(BuildSecret value) {
            secrets.add(value);
            return this;
        }

        public Builder extraArgs(List<String> values) {
            extraArgs.clear();
            extraArgs.addAll(values);
            return this;
        }

        public Builder jibImage(JibImage value) {
            this.jibImage = value;
            return this;
        }

        public BuildPushRequest build() {
            return new BuildPushRequest(
                    repository,
                    tags,
                    builderKind,
                    contextDirectory,
                    dockerfile,
                    buildArgs,
                    target,
                    platforms,
                    labels,
                    revision,
                    sourceUrl,
                    version,
                    buildUrl,
                    created,
                    cacheFrom,
                    cacheTo,
                    noCache,
                    pull,
                    secrets,
                    extraArgs,
                    jibImage);
        }
    }
}
