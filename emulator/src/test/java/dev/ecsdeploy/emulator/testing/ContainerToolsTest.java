package dev.ecsdeploy.emulator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ContainerToolsTest {
    @Test
    void shouldDetectWhetherAToolRuns() {
        assertThat(ContainerTools.isAvailable("java")).isTrue();
        assertThat(ContainerTools.isAvailable("no-such-container-tool-ecsdeploy"))
                .isFalse();
    }

    @Test
    void shouldSkipWithAVisibleReasonUnlessToolsAreRequired() {
        Throwable thrown = catchAssumption(() -> ContainerTools.assumeAvailable("no-such-container-tool-ecsdeploy"));

        if ("1".equals(System.getenv("REQUIRE_CONTAINER_TOOLS"))) {
            assertThat(thrown).isInstanceOf(AssertionError.class).hasMessageContaining("REQUIRE_CONTAINER_TOOLS=1");
        } else {
            assertThat(thrown)
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("no-such-container-tool-ecsdeploy is not installed");
        }
    }

    @Test
    void shouldFeedStdinAndCollectOutput() {
        ContainerTools.Result result = ContainerTools.run(null, "secret-on-stdin", List.of("cat"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("secret-on-stdin");
    }

    private static Throwable catchAssumption(Runnable action) {
        try {
            action.run();
            return null;
        } catch (TestAbortedException | AssertionError e) {
            return e;
        }
    }
}
