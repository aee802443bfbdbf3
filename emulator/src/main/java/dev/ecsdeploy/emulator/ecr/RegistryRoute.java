package dev.ecsdeploy.emulator.ecr;

import com.sun.net.httpserver.HttpExchange;
import dev.ecsdeploy.emulator.http.AwsException;
import dev.ecsdeploy.emulator.http.RawHttpRoute;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The OCI distribution (Docker registry v2) API under {@code /v2/}, enough for podman, buildah, skopeo, the Docker
 * CLI and Jib: the version check, blob HEAD/GET, monolithic, chunked and mounted uploads, manifest PUT/GET/HEAD by
 * tag or digest, and tag listing. Every request needs HTTP Basic {@code AWS:<password>} with a password from an
 * unexpired GetAuthorizationToken. It runs without the emulator's lock and only touches the synchronized store.
 */
final class RegistryRoute implements RawHttpRoute {
    private final EcrStore store;
    private final RegistryAuth auth;
    private final Supplier<Instant> clock;
    private final String realm;

    RegistryRoute(EcrStore store, RegistryAuth auth, Supplier<Instant> clock, String registryHost) {
        this.store = store;
        this.auth = auth;
        this.clock = clock;
        this.realm = "http://" + registryHost + "/";
    }

    @Override
    public String pathPrefix() {
        return "/v2/";
    }

    @Override
    public String serviceName() {
        return "registry";
    }

    /** For example {@code PUT manifest}, {@code PATCH upload}, {@code HEAD blob}. */
    @Override
    public String operationOf(HttpExchange exchange) {
        RegistryPath path = RegistryPath.parse(exchange.getRequestURI().getPath());
        return exchange.getRequestMethod() + " " + path.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Map<String, String> parametersOf(HttpExchange exchange) {
        RegistryPath path = RegistryPath.parse(exchange.getRequestURI().getPath());
        return Map.of("repositoryName", path.name(), "reference", path.reference());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        RegistryExchange http = new RegistryExchange(exchange);
        try {
            if (!auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"), clock.get())) {
                exchange.getResponseHeaders()
                        .set("WWW-Authenticate", "Basic realm=\"" + realm + "\",service=\"ecr.amazonaws.com\"");
                http.error(401, "UNAUTHORIZED", "Not Authorized");
                return;
            }
            route(http, RegistryPath.parse(exchange.getRequestURI().getPath()));
        } catch (AwsException e) {
            // The store speaks AWS errors; the only one it raises here is a repository that does not exist.
            http.error(404, "NAME_UNKNOWN", e.getMessage());
        } catch (Manifest.InvalidManifestException e) {
            http.error(400, "MANIFEST_INVALID", e.getMessage());
        }
    }

    private void route(RegistryExchange http, RegistryPath path) throws IOException {
        String method = http.method();
        switch (path.kind()) {
            case BASE -> http.send(200, "application/json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case BLOB -> blob(http, path, method);
            case UPLOAD -> new BlobUploads(store, http, path).handle(method);
            case MANIFEST -> manifest(http, path, method);
            case TAGS -> tags(http, path);
            default -> http.error(404, "UNSUPPORTED", "The operation is unsupported.");
        }
    }

    private void blob(RegistryExchange http, RegistryPath path, String method) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            http.error(405, "UNSUPPORTED", "The operation is unsupported.");
            return;
        }
        store.requireRepository(path.name());
        Optional<byte[]> content =
                store.hasBlob(path.name(), path.reference()) ? store.blobs().get(path.reference()) : Optional.empty();
        if (content.isEmpty()) {
            http.error(404, "BLOB_UNKNOWN", "blob unknown to registry: " + path.reference());
            return;
        }
        http.header("Docker-Content-Digest", path.reference());
        http.send(200, "application/octet-stream", content.get());
    }

    private void manifest(RegistryExchange http, RegistryPath path, String method) throws IOException {
        switch (method) {
            case "GET", "HEAD" -> getManifest(http, path);
            case "PUT" -> putManifest(http, path);
            default -> http.error(405, "UNSUPPORTED", "The operation is unsupported.");
        }
    }

    private void getManifest(RegistryExchange http, RegistryPath path) throws IOException {
        Optional<Manifest> manifest = findManifest(path.name(), path.reference());
        if (manifest.isEmpty()) {
            http.error(404, "MANIFEST_UNKNOWN", "Requested image not found");
            return;
        }
        http.header("Docker-Content-Digest", manifest.get().digest());
        http.send(200, manifest.get().mediaType(), manifest.get().content());
    }

    private Optional<Manifest> findManifest(String name, String reference) {
        synchronized (store) {
            return store.requireRepository(name).resolve(reference).map(StoredImage::manifest);
        }
    }

    private void putManifest(RegistryExchange http, RegistryPath path) throws IOException {
        byte[] body = http.body();
        Manifest manifest = Manifest.parse(body, http.requestHeader("Content-Type"));
        String reference = path.reference();
        boolean byDigest = Digests.isDigest(reference);
        if (byDigest && !reference.equals(manifest.digest())) {
            http.error(400, "DIGEST_INVALID", "provided digest did not match uploaded content");
            return;
        }
        if (!byDigest && !EcrValidation.isValidTag(reference)) {
            http.error(400, "TAG_INVALID", "Invalid tag '" + reference + "'");
            return;
        }
        try {
            store.putManifest(path.name(), manifest, byDigest ? null : reference, clock.get());
        } catch (EcrStore.ImageStoreException e) {
            refuseManifest(http, path, e);
            return;
        }
        http.header("Location", "/v2/" + path.name() + "/manifests/" + manifest.digest());
        http.header("Docker-Content-Digest", manifest.digest());
        http.send(201, null, new byte[0]);
    }

    private void refuseManifest(RegistryExchange http, RegistryPath path, EcrStore.ImageStoreException e)
            throws IOException {
        if (e.reason() == EcrStore.ImageStoreException.Reason.TAG_IMMUTABLE) {
            http.error(
                    400,
                    "TAG_INVALID",
                    "The image tag '" + e.getMessage() + "' already exists in the '" + path.name()
                            + "' repository and cannot be overwritten because the repository is immutable.");
            return;
        }
        http.error(400, "MANIFEST_BLOB_UNKNOWN", "blob unknown to registry: " + e.getMessage());
    }

    private void tags(RegistryExchange http, RegistryPath path) throws IOException {
        StringBuilder json = new StringBuilder("{\"name\":\"" + path.name() + "\",\"tags\":[");
        synchronized (store) {
            EcrRepository repository = store.requireRepository(path.name());
            String separator = "";
            for (StoredImage image : repository.images()) {
                for (String tag : repository.tagsOf(image.digest())) {
                    json.append(separator).append('"').append(tag).append('"');
                    separator = ",";
                }
            }
        }
        json.append("]}");
        http.send(200, "application/json", json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
