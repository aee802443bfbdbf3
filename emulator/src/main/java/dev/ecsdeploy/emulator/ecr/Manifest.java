package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A parsed image manifest: a single-platform image (Docker v2 schema 2 or OCI) that names a config blob and layers,
 * or an index (OCI index or Docker manifest list) that names per-platform manifests.
 */
record Manifest(
        String digest,
        String mediaType,
        byte[] content,
        Descriptor config,
        List<Descriptor> layers,
        List<Descriptor> children) {
    static final String DOCKER_V2 = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final Set<String> SUPPORTED = Set.of(DOCKER_V2, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reference to a blob or a manifest, with its size and (for index entries) its platform. */
    record Descriptor(String digest, long size, String mediaType, String platform) {}

    Manifest {
        layers = List.copyOf(layers);
        children = List.copyOf(children);
    }

    boolean isIndex() {
        return DOCKER_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType);
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** Every blob an image manifest needs in the repository (config first). Empty for an index. */
    List<String> blobDigests() {
        List<String> digests = new ArrayList<>();
        if (config != null) {
            digests.add(config.digest());
        }
        layers.forEach(layer -> digests.add(layer.digest()));
        return digests;
    }

    long blobBytes() {
        long total = config == null ? 0 : config.size();
        for (Descriptor layer : layers) {
            total += layer.size();
        }
        return total;
    }

    /**
     * Parses a manifest. The media type comes from the document itself, falling back to the declared one (the
     * request's Content-Type or PutImage's imageManifestMediaType), as OCI manifests may omit it.
     */
    static Manifest parse(byte[] content, String declaredMediaType) {
        JsonNode root = readJson(content);
        String mediaType = mediaType(root, declaredMediaType);
        if (!SUPPORTED.contains(mediaType)) {
            throw new InvalidManifestException("unsupported manifest media type " + mediaType);
        }
        if (root.path("schemaVersion").asInt() != 2) {
            throw new InvalidManifestException("manifest schemaVersion must be 2");
        }
        String digest = Digests.sha256(content);
        if (DOCKER_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType)) {
            return new Manifest(digest, mediaType, content, null, List.of(), descriptors(root.path("manifests")));
        }
        if (!root.path("config").isObject()) {
            throw new InvalidManifestException("an image manifest needs a config descriptor");
        }
        return new Manifest(
                digest,
                mediaType,
                content,
                descriptor(root.path("config")),
                descriptors(root.path("layers")),
                List.of());
    }

    private static String mediaType(JsonNode root, String declared) {
        String inDocument = root.path("mediaType").asText("");
        if (!inDocument.isEmpty()) {
            return inDocument;
        }
        if (declared != null && !declared.isBlank()) {
            return declared.split(";")[0].trim();
        }
        return root.has("manifests") ? OCI_INDEX : OCI_MANIFEST;
    }

    private static JsonNode readJson(byte[] content) {
        try {
            JsonNode root = JSON.readTree(content);
            if (root == null || !root.isObject()) {
                throw new InvalidManifestException("a manifest must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new InvalidManifestException("the manifest is not valid JSON");
        }
    }

    private static List<Descriptor> descriptors(JsonNode array) {
        List<Descriptor> list = new ArrayList<>();
        array.forEach(node -> list.add(descriptor(node)));
        return list;
    }

    private static Descriptor descriptor(JsonNode node) {
        String digest = node.path("digest").asText("");
        if (!Digests.isDigest(digest)) {
            throw new InvalidManifestException("invalid descriptor digest '" + digest + "'");
        }
        JsonNode platform = node.path("platform");
        String platformText = platform.isObject()
                ? platform.path("os").asText("") + "/"
                        + platform.path("architecture").asText("")
                : null;
        return new Descriptor(
                digest, node.path("size").asLong(0), node.path("mediaType").asText(""), platformText);
    }

    /** The manifest cannot be stored; the registry answers MANIFEST_INVALID and the API InvalidParameterException. */
    static final class InvalidManifestException extends RuntimeException {
        InvalidManifestException(String message) {
            super(message);
        }
    }
}
