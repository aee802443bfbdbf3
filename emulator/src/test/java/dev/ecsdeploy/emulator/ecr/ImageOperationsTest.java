package dev.ecsdeploy.emulator.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.ImageResolution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageDigestDoesNotMatchException;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.LayerAvailability;
import software.amazon.awssdk.services.ecr.model.LayersNotFoundException;
import software.amazon.awssdk.services.ecr.model.TagStatus;

class ImageOperationsTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private EcrClient ecr;
    private EcrService service;

    @BeforeEach
    void setUp() {
        ecr = aws.ecr();
        service = aws.emulator().ecr();
        ecr.createRepository(r -> r.repositoryName("app"));
    }

    @Test
    void shouldRetagAnImageWithPutImageFromItsManifest() {
        String digest = service.putSyntheticImage("app", "build-7", Map.of());
        Image image = ecr.batchGetImage(r -> r.repositoryName("app").imageIds(i -> i.imageTag("build-7")))
                .images()
                .get(0);

        Image retagged = ecr.putImage(r -> r.repositoryName("app")
                        .imageManifest(image.imageManifest())
                        .imageManifestMediaType(image.imageManifestMediaType())
                        .imageTag("prod"))
                .image();

        assertThat(image.imageManifestMediaType()).isEqualTo(Manifest.DOCKER_V2);
        assertThat(retagged.imageId().imageDigest()).isEqualTo(digest);
        assertThat(retagged.imageId().imageTag()).isEqualTo("prod");
        assertThat(ecr.describeImages(r -> r.repositoryName("app")).imageDetails())
                .singleElement()
                .satisfies(detail -> assertThat(detail.imageTags()).containsExactlyInAnyOrder("build-7", "prod"));
    }

    @Test
    void shouldRefuseAPutImageThatChangesNothing() {
        service.putSyntheticImage("app", "v1", Map.of());
        String manifest = manifestOf("v1");

        assertThatThrownBy(() -> ecr.putImage(
                        r -> r.repositoryName("app").imageManifest(manifest).imageTag("v1")))
                .isInstanceOf(ImageAlreadyExistsException.class)
                .hasMessageContaining("already exists in the repository with name 'app'");
    }

    @Test
    void shouldRefuseToMoveAnImmutableTag() {
        ecr.putImageTagMutability(r -> r.repositoryName("app").imageTagMutability(ImageTagMutability.IMMUTABLE));
        service.putSyntheticImage("app", "v1", Map.of());
        service.putSyntheticImage("app", "v2", Map.of());
        String otherManifest = manifestOf("v2");

        assertThatThrownBy(() -> ecr.putImage(r ->
                        r.repositoryName("app").imageManifest(otherManifest).imageTag("v1")))
                .isInstanceOf(ImageTagAlreadyExistsException.class)
                .hasMessageContaining("The image tag 'v1' already exists in the 'app' repository and cannot be "
                        + "overwritten because the repository is immutable.");
        assertThatThrownBy(() -> service.putSyntheticImage("app", "v1", Map.of("changed", "yes")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("immutable");
    }

    @Test
    void shouldMoveAMutableTag() {
        service.putSyntheticImage("app", "latest", Map.of());
        String second = service.putSyntheticImage("app", "v2", Map.of());

        ecr.putImage(
                r -> r.repositoryName("app").imageManifest(manifestOf("v2")).imageTag("latest"));

        assertThat(service.digestOf("app", "latest")).hasValue(second);
        assertThat(ecr.listImages(r -> r.repositoryName("app").filter(f -> f.tagStatus(TagStatus.UNTAGGED)))
                        .imageIds())
                .hasSize(1);
    }

    @Test
    void shouldCheckTheDeclaredDigestAndTheLayers() {
        service.putSyntheticImage("app", "v1", Map.of());
        String manifest = manifestOf("v1");
        ecr.createRepository(r -> r.repositoryName("empty"));

        assertThatThrownBy(() -> ecr.putImage(r -> r.repositoryName("app")
                        .imageManifest(manifest)
                        .imageTag("x")
                        .imageDigest("sha256:" + "0".repeat(64))))
                .isInstanceOf(ImageDigestDoesNotMatchException.class);
        assertThatThrownBy(() -> ecr.putImage(
                        r -> r.repositoryName("empty").imageManifest(manifest).imageTag("v1")))
                .isInstanceOf(LayersNotFoundException.class);
    }

    @Test
    void shouldDescribeImagesWithTheirDetails() {
        aws.emulator().advance(java.time.Duration.ofMinutes(3));
        String digest = service.putSyntheticImage("app", "v1", Map.of());

        ImageDetail detail = ecr.describeImages(r -> r.repositoryName("app").imageIds(i -> i.imageDigest(digest)))
                .imageDetails()
                .get(0);

        assertThat(detail.registryId()).isEqualTo("123456789012");
        assertThat(detail.repositoryName()).isEqualTo("app");
        assertThat(detail.imageDigest()).isEqualTo(digest);
        assertThat(detail.imageTags()).containsExactly("v1");
        assertThat(detail.imagePushedAt())
                .isEqualTo(aws.emulator().now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(detail.imageManifestMediaType()).isEqualTo(Manifest.DOCKER_V2);
        assertThat(detail.imageSizeInBytes()).isPositive();
        assertThat(detail.imageScanStatus()).isNull();
        assertThatThrownBy(() -> ecr.describeImages(r -> r.repositoryName("app").imageIds(i -> i.imageTag("nope"))))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageContaining("imageTag:'nope'");
    }

    @Test
    void shouldPageThroughImagesAndFilterByTagStatus() {
        for (int i = 0; i < 5; i++) {
            service.putSyntheticImage("app", "v" + i, Map.of());
        }
        ecr.batchDeleteImage(r -> r.repositoryName("app").imageIds(i -> i.imageTag("v4")));
        String untagged = service.putSyntheticImage("app", "tmp", Map.of());
        ecr.batchDeleteImage(r -> r.repositoryName("app").imageIds(i -> i.imageTag("tmp")));
        service.putSyntheticImage("app", "tmp", Map.of());
        ecr.putImage(
                r -> r.repositoryName("app").imageManifest(manifestOf("tmp")).imageTag("tmp-2"));
        ecr.batchDeleteImage(r -> r.repositoryName("app").imageIds(i -> i.imageTag("tmp")));

        List<ImageIdentifier> all =
                ecr.listImagesPaginator(r -> r.repositoryName("app").maxResults(2)).imageIds().stream()
                        .toList();
        var firstPage = ecr.describeImages(r -> r.repositoryName("app").maxResults(3));

        assertThat(all).extracting(ImageIdentifier::imageTag).containsExactly("v0", "v1", "v2", "v3", "tmp-2");
        assertThat(firstPage.imageDetails()).hasSize(3);
        assertThat(firstPage.nextToken()).isNotNull();
        assertThat(untagged).isNotNull();
    }

    @Test
    void shouldDeleteByTagOrDigestAndReportFailures() {
        String digest = service.putSyntheticImage("app", "v1", Map.of());
        ecr.putImage(
                r -> r.repositoryName("app").imageManifest(manifestOf("v1")).imageTag("stable"));

        var byTag = ecr.batchDeleteImage(r -> r.repositoryName("app").imageIds(i -> i.imageTag("v1")));
        assertThat(byTag.imageIds())
                .containsExactly(ImageIdentifier.builder()
                        .imageDigest(digest)
                        .imageTag("v1")
                        .build());
        assertThat(service.digestOf("app", "stable")).hasValue(digest);

        var byDigest = ecr.batchDeleteImage(
                r -> r.repositoryName("app").imageIds(i -> i.imageDigest(digest), i -> i.imageTag("ghost")));

        assertThat(byDigest.imageIds()).extracting(ImageIdentifier::imageTag).containsExactly("stable");
        assertThat(byDigest.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.failureCode()).isEqualTo(ImageFailureCode.IMAGE_NOT_FOUND);
            assertThat(failure.failureReason()).isEqualTo("Requested image not found");
        });
        assertThat(ecr.describeImages(r -> r.repositoryName("app")).imageDetails())
                .isEmpty();
    }

    @Test
    void shouldReportFailuresInBatchGetImage() {
        String digest = service.putSyntheticImage("app", "v1", Map.of());

        BatchGetImageResponse response = ecr.batchGetImage(r -> r.repositoryName("app")
                .imageIds(
                        i -> i.imageDigest(digest),
                        i -> i.imageTag("missing"),
                        i -> i.imageDigest(digest).imageTag("missing")));

        assertThat(response.images()).hasSize(1);
        assertThat(response.failures())
                .extracting(failure -> failure.failureCode())
                .containsExactly(ImageFailureCode.IMAGE_NOT_FOUND, ImageFailureCode.IMAGE_TAG_DOES_NOT_MATCH_DIGEST);
    }

    @Test
    void shouldReportLayerAvailability() {
        service.putSyntheticImage("app", "v1", Map.of());
        String manifest = manifestOf("v1");
        String layer = manifest.replaceAll("(?s).*\"layers\":\\[\\{[^}]*\"digest\":\"(sha256:[a-f0-9]+)\".*", "$1");

        var response = ecr.batchCheckLayerAvailability(
                r -> r.repositoryName("app").layerDigests(layer, "sha256:" + "1".repeat(64), "bogus"));

        assertThat(response.layers())
                .extracting(l -> l.layerAvailability())
                .containsExactly(LayerAvailability.AVAILABLE, LayerAvailability.UNAVAILABLE);
        assertThat(response.layers().get(0).layerSize()).isPositive();
        assertThat(response.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.layerDigest()).isEqualTo("bogus"));
    }

    @Test
    void shouldResolveImageReferencesForEcs() {
        String digest = service.putSyntheticImage("app", "v1", Map.of("dev.ecsdeploy.emulator.exit-code", "3"));
        String host = aws.emulator().registryHost();
        var resolver = service.imageResolver();

        assertThat(resolver.resolve(host + "/app:v1")).isInstanceOfSatisfying(ImageResolution.Found.class, found -> {
            assertThat(found.repositoryName()).isEqualTo("app");
            assertThat(found.digest()).isEqualTo(digest);
            assertThat(found.workload().exitCode()).isEqualTo(3);
        });
        assertThat(resolver.resolve(host + "/app@" + digest)).isInstanceOf(ImageResolution.Found.class);
        assertThat(resolver.resolve(host + "/app:v9"))
                .isInstanceOfSatisfying(
                        ImageResolution.Missing.class,
                        missing -> assertThat(missing.reason())
                                .startsWith("CannotPullContainerError:")
                                .endsWith(host + "/app:v9: not found"));
        assertThat(resolver.resolve(host + "/nothing")).isInstanceOf(ImageResolution.Missing.class);
        assertThat(resolver.resolve("public.ecr.aws/nginx/nginx:latest")).isInstanceOf(ImageResolution.Foreign.class);
    }

    private String manifestOf(String tag) {
        return ecr.batchGetImage(r -> r.repositoryName("app").imageIds(i -> i.imageTag(tag)))
                .images()
                .get(0)
                .imageManifest();
    }
}
