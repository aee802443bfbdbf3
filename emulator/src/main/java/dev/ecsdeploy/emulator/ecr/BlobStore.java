package dev.ecsdeploy.emulator.ecr;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Content-addressed blobs (layers and image configs) and the upload sessions that produce them. The images pushed
 * to the emulator are small, so blobs live in memory. It guards itself with its own monitor and never calls out,
 * so the registry route may use it without any other lock.
 */
final class BlobStore {
    private final Map<String, byte[]> blobs = new HashMap<>();
    private final Map<String, ByteArrayOutputStream> uploads = new HashMap<>();
    private long nextUpload;

    synchronized String put(byte[] content) {
        String digest = Digests.sha256(content);
        blobs.putIfAbsent(digest, content.clone());
        return digest;
    }

    synchronized Optional<byte[]> get(String digest) {
        return Optional.ofNullable(blobs.get(digest));
    }

    synchronized boolean contains(String digest) {
        return blobs.containsKey(digest);
    }

    synchronized long size(String digest) {
        byte[] content = blobs.get(digest);
        return content == null ? -1 : content.length;
    }

    synchronized String startUpload() {
        String id = String.format("00000000-0000-4000-8000-%012x", ++nextUpload);
        uploads.put(id, new ByteArrayOutputStream());
        return id;
    }

    synchronized boolean hasUpload(String id) {
        return uploads.containsKey(id);
    }

    /** Appends a chunk and returns the upload's new length, or -1 when the session is unknown. */
    synchronized long append(String id, byte[] chunk) {
        ByteArrayOutputStream upload = uploads.get(id);
        if (upload == null) {
            return -1;
        }
        upload.writeBytes(chunk);
        return upload.size();
    }

    synchronized long uploadedLength(String id) {
        ByteArrayOutputStream upload = uploads.get(id);
        return upload == null ? -1 : upload.size();
    }

    /** Ends a session: the content is returned (and the session forgotten) whether or not its digest matches. */
    synchronized Optional<byte[]> finishUpload(String id) {
        ByteArrayOutputStream upload = uploads.remove(id);
        return upload == null ? Optional.empty() : Optional.of(upload.toByteArray());
    }

    synchronized boolean cancelUpload(String id) {
        return uploads.remove(id) != null;
    }

    synchronized int blobCount() {
        return blobs.size();
    }
}
