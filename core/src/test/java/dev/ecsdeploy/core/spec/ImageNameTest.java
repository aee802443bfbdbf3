package dev.ecsdeploy.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageNameTest {
    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.2, 123456789012.dkr.ecr.eu-west-1.amazonaws.com, team/app, 1.2, -",
                "127.0.0.1:4566/app, 127.0.0.1:4566, app, -, -",
                "busybox, '', busybox, -, -",
                "library/busybox:1.36, '', library/busybox, 1.36, -",
                "localhost/app:dev, localhost, app, dev, -",
                "127.0.0.1:4566/app:v1@sha256:0000000000000000000000000000000000000000000000000000000000000000, 127.0.0.1:4566, app, v1, sha256:0000000000000000000000000000000000000000000000000000000000000000"
            })
    void shouldSplitHostRepositoryTagAndDigest(
            String image, String host, String repository, String tag, String digest) {
        assertThat(ImageName.parse(image)).isEqualTo(new ImageName(host, repository, tag, digest));
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:4566/app:v1, 127.0.0.1:4566/app@sha256:abc",
        "busybox, busybox@sha256:abc",
        "localhost/team/app, localhost/team/app@sha256:abc"
    })
    void shouldPinToADigestAndDropTheTag(String image, String pinned) {
        assertThat(ImageName.parse(image).withDigest("sha256:abc")).hasToString(pinned);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"registry.example.com/Web:2", "web::2", "web:2@sha256:abc", "-web", "web:", "a.io//web"})
    void shouldRefuseWhatDockerCannotPull(String image) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageName.parse(image))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("image reference is invalid: '" + image
                        + "' (expected [registry/]repository[:tag][@sha256:digest], the repository in lower case)");
    }
}
