package dev.ecsdeploy.emulator.ecr;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Blob uploads under {@code /v2/<name>/blobs/uploads/}: POST starts a session (or finishes a monolithic upload when
 * it carries {@code ?digest=}, or mounts a blob from another repository with {@code ?mount=&from=}), PATCH appends a
 * chunk, PUT closes it with {@code ?digest=} after checking the SHA-256, GET reports progress and DELETE cancels.
 */
final class BlobUploads {
    private final EcrStore store;
    private final BlobStore blobs;
    private final RegistryExchange http;
    private final RegistryPath path;

    BlobUploads(EcrStore store, RegistryExchange http, RegistryPath path) {
        this.store = store;
        this.blobs = store.blobs();
        this.http = http;
        this.path = path;
    }

    void handle(String method) throws IOException {
        store.requireRepository(path.name());
        boolean session = !path.reference().isEmpty();
        switch (method) {
            case "POST" -> start();
            case "PATCH" -> ifKnown(session, this::append);
            case "PUT" -> ifKnown(session, this::complete);
            case "GET" -> ifKnown(session, this::progress);
            case "DELETE" -> ifKnown(session, this::cancel);
            default -> http.error(405, "UNSUPPORTED", "The operation is unsupported.");
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private void ifKnown(boolean session, Step step) throws IOException {
        if (!session || !blobs.hasUpload(path.reference())) {
            http.error(404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
            return;
        }
        step.run();
    }

    private void start() throws IOException {
        Map<String, String> query = http.query();
        if (query.containsKey("mount") && mount(query.get("mount"), query.getOrDefault("from", ""))) {
            return;
        }
        if (query.containsKey("digest")) {
            finish(http.body(), query.get("digest"));
            return;
        }
        http.body();
        String id = blobs.startUpload();
        accepted(id, 0);
    }

    private boolean mount(String digest, String from) throws IOException {
        if (!store.hasBlob(from, digest)) {
            return false;
        }
        store.link(path.name(), digest);
        created(digest);
        return true;
    }

    private void append() throws IOException {
        String id = path.reference();
        long before = blobs.uploadedLength(id);
        String contentRange = http.requestHeader("Content-Range");
        if (contentRange != null && startOf(contentRange) != before) {
            http.header("Range", range(before));
            http.error(416, "BLOB_UPLOAD_INVALID", "chunk out of order: expected offset " + before);
            return;
        }
        long length = blobs.append(id, http.body());
        accepted(id, length);
    }

    private void complete() throws IOException {
        String digest = http.query().get("digest");
        byte[] last = http.body();
        if (digest == null) {
            http.error(400, "DIGEST_INVALID", "a digest parameter is required to complete an upload");
            return;
        }
        blobs.append(path.reference(), last);
        Optional<byte[]> content = blobs.finishUpload(path.reference());
        finish(content.orElse(new byte[0]), digest);
    }

    private void finish(byte[] content, String digest) throws IOException {
        if (!Digests.isDigest(digest) || !Digests.sha256(content).equals(digest)) {
            http.error(400, "DIGEST_INVALID", "provided digest did not match uploaded content");
            return;
        }
        blobs.put(content);
        store.link(path.name(), digest);
        created(digest);
    }

    private void progress() throws IOException {
        String id = path.reference();
        http.header("Location", uploadLocation(id));
        http.header("Range", range(blobs.uploadedLength(id)));
        http.header("Docker-Upload-UUID", id);
        http.send(204, null, new byte[0]);
    }

    private void cancel() throws IOException {
        blobs.cancelUpload(path.reference());
        http.send(204, null, new byte[0]);
    }

    private void accepted(String id, long length) throws IOException {
        http.header("Location", uploadLocation(id));
        http.header("Range", range(length));
        http.header("Docker-Upload-UUID", id);
        http.send(202, null, new byte[0]);
    }

    private void created(String digest) throws IOException {
        http.header("Location", "/v2/" + path.name() + "/blobs/" + digest);
        http.header("Docker-Content-Digest", digest);
        http.send(201, null, new byte[0]);
    }

    private String uploadLocation(String id) {
        return "/v2/" + path.name() + "/blobs/uploads/" + id;
    }

    /** The distribution spec's inclusive range of bytes received so far ({@code 0-0} when nothing arrived yet). */
    private static String range(long length) {
        return "0-" + Math.max(0, length - 1);
    }

    private static long startOf(String contentRange) {
        String value = contentRange.replaceFirst("^bytes[ =]", "").trim();
        int dash = value.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? value : value.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
