package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.EcrImageException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The few OCI distribution calls an archive push needs: blob existence, a monolithic blob upload and a manifest
 * put. Authenticates with HTTP Basic and the ECR credential; the header never reaches an event or an exception.
 */
final class RegistryClient {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final URI base;
    private final RegistryCredential credential;

    RegistryClient(String registry, RegistryCredential credential) {
        this.base = URI.create((credential.plainHttp() ? "http://" : "https://") + registry);
        this.credential = credential;
    }

    boolean hasBlob(String repository, String digest) {
        HttpResponse<Void> response = send(
                request("/v2/" + repository + "/blobs/" + digest).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.discarding(),
                "check blob " + digest);
        return response.statusCode() == 200;
    }

    void uploadBlob(String repository, String digest, Path file) {
        HttpResponse<String> started = send(
                request("/v2/" + repository + "/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString(),
                "start upload of " + digest);
        require(started, 202, "start upload of " + digest);
        String location = started.headers()
                .firstValue("Location")
                .orElseThrow(() ->
                        new EcrImageException("upload of " + digest + " failed: the registry sent no upload location"));
        URI target = base.resolve(location);
        String separator = target.getQuery() == null ? "?" : "&";
        HttpRequest.Builder put;
        try {
            put = HttpRequest.newBuilder(URI.create(target + separator + "digest=" + digest))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new EcrImageException("upload of " + digest + " failed: " + e.getMessage(), e);
        }
        put.header("Authorization", credential.basicAuthorization()).header("Content-Type", "application/octet-stream");
        require(send(put, HttpResponse.BodyHandlers.ofString(), "upload of " + digest), 201, "upload of " + digest);
    }

    void putManifest(String repository, String reference, String mediaType, byte[] manifest) {
        HttpRequest.Builder put = request("/v2/" + repository + "/manifests/" + reference)
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest));
        require(send(put, HttpResponse.BodyHandlers.ofString(), "manifest put"), 201, "put of manifest " + reference);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", credential.basicAuthorization());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new EcrImageException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EcrImageException(what + " was interrupted", e);
        }
    }

    private static void require(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            String body = response.body() == null ? "" : response.body();
            throw new EcrImageException(what + " failed: the registry answered HTTP " + response.statusCode() + " "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }
}
