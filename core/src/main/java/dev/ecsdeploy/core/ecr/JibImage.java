package dev.ecsdeploy.core.ecr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the daemonless Jib builder assembles: a base image ({@code scratch} needs no network), file layers, entrypoint,
 * command, environment and labels. No Dockerfile and no daemon are involved.
 */
public record JibImage(
        String baseImage,
        List<JibLayer> layers,
        List<String> entrypoint,
        List<String> command,
        Map<String, String> environment,
        Map<String, String> labels,
        String workingDirectory) {
    public JibImage {
        Objects.requireNonNull(baseImage, "baseImage");
        layers = List.copyOf(layers);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        command = command == null ? null : List.copyOf(command);
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link JibImage}; the base image defaults to {@code scratch}. */
    public static final class Builder {
        private String baseImage = "scratch";
        private final List<JibLayer> layers = new ArrayList<>();
        private List<String> entrypoint;
        private List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String workingDirectory;

        public Builder baseImage(String image) {
            this.baseImage = image;
            return this;
        }

        public Builder addLayer(JibLayer layer) {
            layers.add(layer);
            return this;
        }

        public Builder entrypoint(List<String> argv) {
            this.entrypoint = argv;
            return this;
        }

        public Builder command(List<String> argv) {
            this.command = argv;
            return this;
        }

        public Builder putEnvironment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder putLabel(String name, String value) {
            labels.put(name, value);
            return this;
        }

        public Builder labels(Map<String, String> values) {
            labels.clear();
            labels.putAll(values);
            return this;
        }

        public Builder workingDirectory(String directory) {
            this.workingDirectory = directory;
            return this;
        }

        public JibImage build() {
            return new JibImage(baseImage, layers, entrypoint, command, environment, labels, workingDirectory);
        }
    }
}
