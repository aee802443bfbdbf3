package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a real, minimal image without any client: a gzipped tar layer holding one small file, an OCI image config
 * carrying the labels, and a Docker v2 schema 2 manifest naming both. Deterministic: the same repository, tag and
 * labels always give the same digest.
 */
final class SyntheticImages {
    static final String LAYER_MEDIA_TYPE = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    static final String CONFIG_MEDIA_TYPE = "application/vnd.docker.container.image.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The three parts of an image, ready to store. */
    record Parts(byte[] config, byte[] layer, byte[] manifest) {}

    private SyntheticImages() {}

    static Parts build(String repository, String tag, Map<String, String> labels) {
        byte[] tar = tar(
                "synthetic.txt", ("synthetic image " + repository + ":" + tag + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] layer = gzip(tar);
        byte[] config = config(labels, Digests.sha256(tar));
        return new Parts(config, layer, manifest(config, layer));
    }

    private static byte[] config(Map<String, String> labels, String diffId) {
        ObjectNode root = JSON.createObjectNode();
        root.put("architecture", "amd64");
        root.put("os", "linux");
        root.put("created", "1970-01-01T00:00:00Z");
        ObjectNode config = root.putObject("config");
        config.putArray("Cmd").add("/synthetic.txt");
        ObjectNode labelNode = config.putObject("Labels");
        labels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> labelNode.put(entry.getKey(), entry.getValue()));
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(diffId);
        return write(root);
    }

    private static byte[] manifest(byte[] config, byte[] layer) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", Manifest.DOCKER_V2);
        root.set("config", descriptor(CONFIG_MEDIA_TYPE, config));
        root.putArray("layers").add(descriptor(LAYER_MEDIA_TYPE, layer));
        return write(root);
    }

    private static ObjectNode descriptor(String mediaType, byte[] content) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaType", mediaType);
        node.put("size", content.length);
        node.put("digest", Digests.sha256(content));
        return node;
    }

    private static byte[] write(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-file ustar archive: a 512-byte header, the content padded to 512 bytes, and two zero blocks. */
    static byte[] tar(String fileName, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, fileName);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, "00000000000");
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        int checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, String.format("%06o", checksum));
        header[154] = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
