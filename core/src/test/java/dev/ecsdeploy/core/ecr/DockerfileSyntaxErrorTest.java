package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 10: a Dockerfile typo is the same bad input whichever builder is asked for (it was a builder failure with
 * podman and bad input with Jib), and it is found before the repository is created or a builder runs.
 */
class DockerfileSyntaxErrorTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @TempDir
    Path context;

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void shouldRefuseADockerfileSyntaxErrorWithEveryBuilderBeforeAnythingRuns(BuilderKind builder) throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPPY index.html /srv/\n");
        Files.writeString(context.resolve("index.html"), "hi");
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            aws.emulator().callLog().clear();

            Throwable thrown = catchThrowable(() -> support.manager.buildAndPush(request(builder)));

            assertThat(thrown)
                    .isInstanceOf(EcrImageException.class)
                    .hasMessage("Dockerfile syntax error: " + context.resolve("Dockerfile")
                            + " line 2: unknown instruction COPPY");
            assertThat(aws.emulator().callLog().all()).as("no ECR call").isEmpty();
            assertThat(support.runner.commands()).as("no builder ran").isEmpty();
        }
    }

    private BuildPushRequest request(BuilderKind builder) {
        return BuildPushRequest.builder()
                .repository(RepositorySpec.builder()
                        .name("syntax/" + builder.id())
                        .createIfMissing(true)
                        .build())
                .tags(List.of("1.0.0"))
                .builderKind(builder)
                .contextDirectory(context)
                .build();
    }
}
