package dev.ecsdeploy.core.ecr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lifecycle policy documents: the built-in preset, or a JSON file. */
public final class LifecyclePolicies {
    private LifecyclePolicies() {}

    /**
     * Returns a policy that expires untagged images {@code untaggedDays} after push and keeps only the newest
     * {@code keepTagged} tagged images.
     */
    public static String keepLastTagged(int keepTagged, int untaggedDays) {
        if (keepTagged < 1 || untaggedDays < 1) {
            throw new EcrImageException("invalid lifecycle preset: keep at least 1 tagged image and expire untagged"
                    + " images after at least 1 day (got " + keepTagged + ", " + untaggedDays + ")");
        }
        return """
                {"rules":[\
                {"rulePriority":1,"description":"expire untagged images after %d days",\
                "selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days",\
                "countNumber":%d},"action":{"type":"expire"}},\
                {"rulePriority":2,"description":"keep the last %d tagged images",\
                "selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":%d},\
                "action":{"type":"expire"}}]}""".formatted(untaggedDays, untaggedDays, keepTagged, keepTagged);
    }

    /** Reads a lifecycle policy JSON file. */
    public static String fromFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read lifecycle policy " + file + ": " + e.getMessage(), e);
        }
    }
}
