package io.jenkins.plugins.ecsdeploy.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Task definitions as registered, one JSON file per ARN, so a page can diff two deployments' task definitions
 * without calling AWS. The history keeps only each deployment's ARN; whoever registers a task definition keeps its
 * JSON here. A task definition revision never changes once registered, so a file is written once and never updated.
 * File names are the SHA-256 of the ARN, so no ARN can name a path outside the directory.
 */
public final class TaskDefinitionArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    public TaskDefinitionArchive(Path directory) {
        this.directory = directory;
    }

    /** Keeps the task definition of {@code arn} (atomically; a revision already kept is left as it is). */
    public void put(String arn, JsonNode taskDefinition) {
        Path file = file(arn);
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "task-definition", ".tmp");
            Files.write(temporary, JSON.writeValueAsBytes(taskDefinition));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("task definition " + arn + " not kept: " + e.getMessage(), e);
        }
    }

    /** Returns the kept task definition of {@code arn}, or null when it was never kept or cannot be read. */
    public JsonNode read(String arn) {
        Path file = file(arn);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null; // a diff without the task definition's changes beats a page that fails
        }
    }

    private Path file(String arn) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
