package dev.ecsdeploy.core.ecr;

import java.util.Objects;

/**
 * A build secret handed to the builder as a secret mount ({@code --secret id=…,src=…} or {@code id=…,env=…}), never
 * as a build argument, so it stays out of the image history. Only the file path or the variable name travels, never
 * the value.
 *
 * @param id the id a Dockerfile uses in {@code RUN --mount=type=secret,id=…}
 * @param source whether {@code reference} is a file path or an environment variable name
 * @param reference the file path (on the build machine) or the environment variable name
 */
public record BuildSecret(String id, Source source, String reference) {
    public enum Source {
        FILE,
        ENV
    }

    public BuildSecret {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reference, "reference");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("invalid build secret id '" + id + "': use letters, digits, . _ -");
        }
    }

    public static BuildSecret file(String id, String path) {
        return new BuildSecret(id, Source.FILE, path);
    }

    public static BuildSecret env(String id, String variable) {
        return new BuildSecret(id, Source.ENV, variable);
    }

    /** The value of {@code --secret}: {@code id=x,src=/path} or {@code id=x,env=NAME}. */
    public String flagValue() {
        return "id=" + id + (source == Source.FILE ? ",src=" : ",env=") + reference;
    }
}
