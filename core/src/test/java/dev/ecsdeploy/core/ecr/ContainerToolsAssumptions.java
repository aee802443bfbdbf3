package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.fail;

import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test visibly when a container tool is missing, and fails it instead when {@code REQUIRE_CONTAINER_TOOLS=1}.
 */
final class ContainerToolsAssumptions {
    private ContainerToolsAssumptions() {}

    static void assumeTool(String tool) {
        LocalCommandRunner runner = new LocalCommandRunner();
        if (runner.isAvailable(tool)
                && runner.run(Command.of(List.of(tool, "--version"))).succeeded()) {
            return;
        }
        assumeTrue(false, tool + " is not installed: skipping this real-build test");
    }

    static void assumeFile(String path, String why) {
        assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of(path)), path + " is missing (" + why + ")");
    }

    private static void assumeTrue(boolean condition, String reason) {
        if (condition) {
            return;
        }
        if ("1".equals(System.getenv("REQUIRE_CONTAINER_TOOLS"))) {
            fail(reason + ", but REQUIRE_CONTAINER_TOOLS=1 says container tools are required");
        }
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }
}
