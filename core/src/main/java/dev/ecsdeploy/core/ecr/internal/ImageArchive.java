package dev.ecsdeploy.core.ecr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.core.ecr.EcrImageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A single-platform image read from a tar archive: an OCI image layout ({@code index.json}, {@code blobs/sha256/…};
 * Jib, Kaniko, Bazel, {@code podman save --format oci-archive}, Docker 25+) or a docker-archive ({@code
 * manifest.json}; {@code docker save}, {@code podman save}). OCI manifests are pushed byte for byte, so the digest
 * is the archive's own; a docker-archive gets an OCI manifest written here, deterministically.
 */
final class ImageArchive {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A blob to upload: its digest, media type, size and where it was extracted. */
    record Blob(String digest, String mediaType, long size, Path file) {}

    private final List<Blob> blobs;
    private final byte[] manifest;
    private final String manifestMediaType;

    private ImageArchive(List<Blob> blobs, byte[] manifest, String manifestMediaType) {
        this.blobs = List.copyOf(blobs);
        this.manifest = manifest.clone();
        this.manifestMediaType = manifestMediaType;
    }

    List<Blob> blobs() {
        return blobs;
    }

    byte[] manifest() {
        return manifest.clone();
    }

    String manifestMediaType() {
        return manifestMediaType;
    }

    String digest() {
        return sha256(manifest);
    }

    /** Extracts {@code tar} into {@code directory} (a private temporary directory) and reads the image in it. */
    static ImageArchive read(InputStream tar, Path directory, String name) {
        try {
            extract(tar, directory);
            if (Files.isRegularFile(directory.resolve("index.json"))) {
                return readOciLayout(directory);
            }
            if (Files.isRegularFile(directory.resolve("manifest.json"))) {
                return readDockerArchive(directory);
            }
        } catch (IOException e) {
            throw new EcrImageException("cannot read image archive " + name + ": " + e.getMessage(), e);
        }
        throw new EcrImageException("cannot read image archive " + name
                + ": it has neither index.json (OCI layout) nor manifest.json (docker-archive)");
    }

    private static void extract(InputStream tar, Path directory) throws IOException {
        try (TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("entry " + entry.getName() + " points outside the archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static ImageArchive readOciLayout(Path directory) throws IOException {
        JsonNode index = JSON.readTree(directory.resolve("index.json").toFile());
        JsonNode descriptor = index.path("manifests").path(0);
        String mediaType = descriptor.path("mediaType").asText(OCI_MANIFEST);
        if (mediaType.contains("index") || mediaType.contains("list")) {
            throw new EcrImageException("cannot push a multi-platform archive: only single-platform images are"
                    + " supported; push each platform's archive separately");
        }
        byte[] manifest =
                Files.readAllBytes(blobPath(directory, descriptor.path("digest").asText()));
        JsonNode parsed = JSON.readTree(manifest);
        List<Blob> blobs = new ArrayList<>();
        blobs.add(ociBlob(directory, parsed.path("config")));
        for (JsonNode layer : parsed.path("layers")) {
            blobs.add(ociBlob(directory, layer));
        }
        return new ImageArchive(blobs, manifest, parsed.path("mediaType").asText(mediaType));
    }

    private static Blob ociBlob(Path directory, JsonNode descriptor) {
        String digest = descriptor.path("digest").asText();
        Path file = blobPath(directory, digest);
        if (!Files.isRegularFile(file)) {
            throw new EcrImageException("cannot push archive: blob " + digest + " is missing from it");
        }
        return new Blob(
                digest,
                descriptor.path("mediaType").asText(),
                descriptor.path("size").asLong(),
                file);
    }

    private static Path blobPath(Path directory, String digest) {
        return directory.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static ImageArchive readDockerArchive(Path directory) throws IOException {
        JsonNode entry =
                JSON.readTree(directory.resolve("manifest.json").toFile()).path(0);
        Blob config =
                fileBlob(directory.resolve(entry.path("Config").asText()), "application/vnd.oci.image.config.v1+json");
        List<Blob> blobs = new ArrayList<>(List.of(config));
        for (JsonNode layer : entry.path("Layers")) {
            Path file = directory.resolve(layer.asText());
            blobs.add(fileBlob(
                    file,
                    isGzip(file)
                            ? "application/vnd.oci.image.layer.v1.tar+gzip"
                            : "application/vnd.oci.image.layer.v1.tar"));
        }
        return new ImageArchive(blobs, ociManifest(blobs), OCI_MANIFEST);
    }

    private static byte[] ociManifest(List<Blob> blobs) throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", OCI_MANIFEST);
        manifest.set("config", descriptor(blobs.get(0)));
        ArrayNode layers = manifest.putArray("layers");
        blobs.subList(1, blobs.size()).forEach(blob -> layers.add(descriptor(blob)));
        return JSON.writeValueAsBytes(manifest);
    }

    private static ObjectNode descriptor(Blob blob) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaType", blob.mediaType());
        node.put("digest", blob.digest());
        node.put("size", blob.size());
        return node;
    }

    private static Blob fileBlob(Path file, String mediaType) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new EcrImageException("cannot push archive: " + file.getFileName() + " is missing from it");
        }
        return new Blob(sha256(file), mediaType, Files.size(file), file);
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(digester().digest(bytes));
    }

    static String sha256(Path file) {
        MessageDigest digest = digester();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digester() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ImageArchive[" + digest() + ", " + blobs.size() + " blobs, "
                + new String(manifestMediaType.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8) + "]";
    }
}
