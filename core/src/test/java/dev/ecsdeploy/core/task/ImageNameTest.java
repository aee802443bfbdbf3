package dev.ecsdeploy.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.task.DerivedRevisions.ImageName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageNameTest {
    @ParameterizedTest
    @CsvSource({
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.2, 123456789012.dkr.ecr.eu-west-1.amazonaws.com, team/app, 1.2",
        "127.0.0.1:4566/app, 127.0.0.1:4566, app, latest",
        "busybox, docker.io, busybox, latest",
        "library/busybox:1.36, docker.io, library/busybox, 1.36",
        "localhost/app:dev, localhost, app, dev"
    })
    void shouldSplitRegistryRepositoryAndTag(String image, String registry, String repository, String tag) {
        assertThat(ImageName.parse(image)).isEqualTo(new ImageName(registry, repository, tag));
    }
}
