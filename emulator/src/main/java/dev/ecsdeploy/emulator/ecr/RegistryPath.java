package dev.ecsdeploy.emulator.ecr;

/**
 * A parsed registry path. Repository names may contain slashes, so the path is split at the last well-known
 * segment ({@code /manifests/}, {@code /blobs/uploads/}, {@code /blobs/}, {@code /tags/list}).
 */
record RegistryPath(Kind kind, String name, String reference) {
    /** Which part of the API a path addresses. */
    enum Kind {
        BASE,
        BLOB,
        UPLOAD,
        MANIFEST,
        TAGS,
        UNKNOWN
    }

    static RegistryPath parse(String fullPath) {
        String path = fullPath.substring("/v2/".length());
        if (path.isEmpty()) {
            return new RegistryPath(Kind.BASE, "", "");
        }
        if (path.endsWith("/tags/list")) {
            return new RegistryPath(Kind.TAGS, path.substring(0, path.length() - "/tags/list".length()), "");
        }
        RegistryPath manifest = split(path, "/manifests/", Kind.MANIFEST);
        if (manifest != null) {
            return manifest;
        }
        RegistryPath upload = split(path, "/blobs/uploads/", Kind.UPLOAD);
        if (upload != null) {
            return upload;
        }
        if (path.endsWith("/blobs/uploads")) {
            return new RegistryPath(Kind.UPLOAD, path.substring(0, path.length() - "/blobs/uploads".length()), "");
        }
        RegistryPath blob = split(path, "/blobs/", Kind.BLOB);
        return blob != null ? blob : new RegistryPath(Kind.UNKNOWN, path, "");
    }

    private static RegistryPath split(String path, String marker, Kind kind) {
        int at = path.lastIndexOf(marker);
        if (at <= 0) {
            return null;
        }
        return new RegistryPath(kind, path.substring(0, at), path.substring(at + marker.length()));
    }
}
