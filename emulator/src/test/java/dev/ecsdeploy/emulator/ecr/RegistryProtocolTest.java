package dev.ecsdeploy.emulator.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Health;
import dev.ecsdeploy.emulator.workload.ImageResolution;
import dev.ecsdeploy.emulator.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.model.ImageDetail;

/** The OCI distribution API spoken with a plain HTTP client, as the spec describes it. */
class RegistryProtocolTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAskForBasicAuthWithoutAValidToken() throws Exception {
        HttpResponse<String> anonymous = send(request("/v2/").GET(), null);
        HttpResponse<String> wrongPassword = send(request("/v2/").GET(), "AWS:guess");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm="));
        assertThat(anonymous.body()).contains("UNAUTHORIZED");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(send(request("/v2/").GET(), credentials()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseATokenOnceItExpired() throws Exception {
        String credentials = credentials();
        aws.emulator().advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(send(request("/v2/").GET(), credentials).statusCode()).isEqualTo(200);

        aws.emulator().advance(Duration.ofSeconds(1));

        assertThat(send(request("/v2/").GET(), credentials).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldUploadBlobsAndStoreAManifestThatDescribeImagesShows() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("team/api"));
        String auth = credentials();
        SyntheticImages.Parts parts =
                SyntheticImages.build("team/api", "v1", Map.of(Workload.HEALTH_LABEL, "unhealthy"));

        String configDigest = uploadMonolithic("team/api", parts.config(), auth);
        String layerDigest = uploadInChunks("team/api", parts.layer(), auth);
        HttpResponse<String> put = send(
                request("/v2/team/api/manifests/v1")
                        .header("Content-Type", Manifest.DOCKER_V2)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(parts.manifest())),
                auth);

        String digest = Digests.sha256(parts.manifest());
        assertThat(configDigest).isEqualTo(Digests.sha256(parts.config()));
        assertThat(layerDigest).isEqualTo(Digests.sha256(parts.layer()));
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
        ImageDetail detail = aws.ecr()
                .describeImages(r -> r.repositoryName("team/api"))
                .imageDetails()
                .get(0);
        assertThat(detail.imageDigest()).isEqualTo(digest);
        assertThat(detail.imageTags()).containsExactly("v1");
        assertThat(detail.imageManifestMediaType()).isEqualTo(Manifest.DOCKER_V2);
        assertThat(detail.imageSizeInBytes()).isEqualTo(parts.config().length + parts.layer().length);
        assertThat(aws.emulator().ecr().imageResolver().resolve(aws.emulator().registryHost() + "/team/api:v1"))
                .isInstanceOfSatisfying(ImageResolution.Found.class, found -> {
                    assertThat(found.digest()).isEqualTo(digest);
                    assertThat(found.workload().health()).isEqualTo(Health.UNHEALTHY);
                });
    }

    @Test
    void shouldServeManifestsAndBlobsByTagAndDigest() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("served"));
        String digest = aws.emulator().ecr().putSyntheticImage("served", "latest", Map.of());
        String auth = credentials();

        HttpResponse<String> byTag = send(request("/v2/served/manifests/latest").GET(), auth);
        HttpResponse<String> byDigest = send(
                request("/v2/served/manifests/" + digest).method("HEAD", HttpRequest.BodyPublishers.noBody()), auth);
        String layer = byTag.body().replaceAll("(?s).*\"layers\":\\[\\{[^}]*\"digest\":\"(sha256:[a-f0-9]+)\".*", "$1");
        HttpResponse<byte[]> blob = http.send(
                authorized(request("/v2/served/blobs/" + layer).GET(), auth).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(byTag.statusCode()).isEqualTo(200);
        assertThat(byTag.headers().firstValue("Content-Type")).hasValue(Manifest.DOCKER_V2);
        assertThat(byTag.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
        assertThat(byDigest.statusCode()).isEqualTo(200);
        assertThat(byDigest.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(byTag.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(blob.statusCode()).isEqualTo(200);
        assertThat(Digests.sha256(blob.body())).isEqualTo(layer);
        assertThat(send(request("/v2/served/manifests/missing").GET(), auth).statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldRejectABlobWhoseContentDoesNotMatchItsDigest() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("checked"));
        String wrong = Digests.sha256("something else".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> put = send(
                request("/v2/checked/blobs/uploads/?digest=" + wrong)
                        .POST(HttpRequest.BodyPublishers.ofString("content")),
                credentials());

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("DIGEST_INVALID");
    }

    @Test
    void shouldRefuseAManifestWhoseBlobsWereNeverPushed() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("incomplete"));
        SyntheticImages.Parts parts = SyntheticImages.build("incomplete", "v1", Map.of());

        HttpResponse<String> put = send(
                request("/v2/incomplete/manifests/v1")
                        .header("Content-Type", Manifest.DOCKER_V2)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(parts.manifest())),
                credentials());

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("MANIFEST_BLOB_UNKNOWN");
    }

    @Test
    void shouldAnswerNameUnknownForAMissingRepository() throws Exception {
        HttpResponse<String> post =
                send(request("/v2/ghost/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()), credentials());

        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.body()).contains("NAME_UNKNOWN").contains("ghost");
    }

    @Test
    void shouldStoreAMultiPlatformIndexOverItsImages() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("multi"));
        String amd = aws.emulator().ecr().putSyntheticImage("multi", "amd64", Map.of(Workload.HEALTH_LABEL, "crash"));
        String arm = aws.emulator().ecr().putSyntheticImage("multi", "arm64", Map.of());
        String index = "{\"schemaVersion\":2,\"mediaType\":\"" + Manifest.OCI_INDEX + "\",\"manifests\":["
                + entry(amd, "amd64") + "," + entry(arm, "arm64") + "]}";

        HttpResponse<String> put = send(
                request("/v2/multi/manifests/v2")
                        .header("Content-Type", Manifest.OCI_INDEX)
                        .PUT(HttpRequest.BodyPublishers.ofString(index)),
                credentials());

        assertThat(put.statusCode()).isEqualTo(201);
        ImageDetail detail = aws.ecr()
                .describeImages(r -> r.repositoryName("multi").imageIds(i -> i.imageTag("v2")))
                .imageDetails()
                .get(0);
        assertThat(detail.imageManifestMediaType()).isEqualTo(Manifest.OCI_INDEX);
        assertThat(aws.emulator().ecr().imageResolver().resolve(aws.emulator().registryHost() + "/multi:v2"))
                .isInstanceOfSatisfying(
                        ImageResolution.Found.class,
                        found -> assertThat(found.workload().health()).isEqualTo(Health.CRASH));
    }

    @Test
    void shouldMountABlobFromAnotherRepository() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("source"));
        aws.ecr().createRepository(r -> r.repositoryName("target"));
        String auth = credentials();
        String digest = uploadMonolithic("source", "shared layer".getBytes(StandardCharsets.UTF_8), auth);

        HttpResponse<String> mounted = send(
                request("/v2/target/blobs/uploads/?mount=" + digest + "&from=source")
                        .POST(HttpRequest.BodyPublishers.noBody()),
                auth);
        HttpResponse<String> notMounted = send(
                request("/v2/target/blobs/uploads/?mount=" + Digests.sha256(new byte[1]) + "&from=source")
                        .POST(HttpRequest.BodyPublishers.noBody()),
                auth);

        assertThat(mounted.statusCode()).isEqualTo(201);
        assertThat(mounted.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
        assertThat(send(request("/v2/target/blobs/" + digest).method("HEAD", HttpRequest.BodyPublishers.noBody()), auth)
                        .statusCode())
                .isEqualTo(200);
        assertThat(notMounted.statusCode()).isEqualTo(202);
    }

    @Test
    void shouldServeConcurrentPushesWhileTheApiIsBusy() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("busy"));
        String auth = credentials();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var pushes = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                String tag = "t" + i;
                pushes.add(pool.submit(() -> pushSynthetic("busy", tag, auth)));
                pool.submit(() -> aws.ecr().describeImages(r -> r.repositoryName("busy")));
            }
            for (var push : pushes) {
                assertThat(push.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(aws.ecr().describeImages(r -> r.repositoryName("busy")).imageDetails())
                .hasSize(12);
    }

    private int pushSynthetic(String repository, String tag, String auth) throws Exception {
        SyntheticImages.Parts parts = SyntheticImages.build(repository, tag, Map.of());
        uploadMonolithic(repository, parts.config(), auth);
        uploadInChunks(repository, parts.layer(), auth);
        return send(
                        request("/v2/" + repository + "/manifests/" + tag)
                                .header("Content-Type", Manifest.DOCKER_V2)
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(parts.manifest())),
                        auth)
                .statusCode();
    }

    private String entry(String digest, String architecture) {
        return "{\"mediaType\":\"" + Manifest.DOCKER_V2 + "\",\"digest\":\"" + digest
                + "\",\"size\":100,\"platform\":{\"os\":\"linux\",\"architecture\":\"" + architecture + "\"}}";
    }

    private String uploadMonolithic(String repository, byte[] content, String auth) throws Exception {
        HttpResponse<String> response = send(
                request("/v2/" + repository + "/blobs/uploads/?digest=" + Digests.sha256(content))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(content)),
                auth);
        assertThat(response.statusCode()).isEqualTo(201);
        return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private String uploadInChunks(String repository, byte[] content, String auth) throws Exception {
        HttpResponse<String> start =
                send(request("/v2/" + repository + "/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()), auth);
        assertThat(start.statusCode()).isEqualTo(202);
        String location = start.headers().firstValue("Location").orElseThrow();
        int half = content.length / 2;
        HttpResponse<String> first = patch(location, Arrays.copyOfRange(content, 0, half), 0, auth);
        assertThat(first.headers().firstValue("Range")).hasValue("0-" + (half - 1));
        patch(location, Arrays.copyOfRange(content, half, content.length), half, auth);
        HttpResponse<String> done = send(
                request(location + "?digest=" + Digests.sha256(content)).PUT(HttpRequest.BodyPublishers.noBody()),
                auth);
        assertThat(done.statusCode()).isEqualTo(201);
        return done.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private HttpResponse<String> patch(String location, byte[] chunk, int offset, String auth) throws Exception {
        HttpResponse<String> response = send(
                request(location)
                        .header("Content-Range", offset + "-" + (offset + chunk.length - 1))
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk)),
                auth);
        assertThat(response.statusCode()).isEqualTo(202);
        return response;
    }

    private String credentials() {
        String token =
                aws.ecr().getAuthorizationToken().authorizationData().get(0).authorizationToken();
        return new String(java.util.Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + aws.emulator().registryHost() + path));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String credentials) {
        if (credentials != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String credentials)
            throws IOException, InterruptedException {
        return http.send(authorized(builder, credentials).build(), HttpResponse.BodyHandlers.ofString());
    }
}
