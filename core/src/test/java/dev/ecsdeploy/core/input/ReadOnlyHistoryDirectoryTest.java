package dev.ecsdeploy.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history directory the user cannot write to is refused with a message naming it. A directory without write
 * permission is not read-only for root, so as root the test mounts a read-only file system there instead.
 */
class ReadOnlyHistoryDirectoryTest {
    @TempDir
    Path temporary;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    void shouldRefuseAHistoryDirectoryThatCannotBeWrittenNamingIt() throws Exception {
        Path readOnly = readOnlyDirectory();

        Parsed<Path> parsed = InputParser.historyDirectory(readOnly.resolve("history"));

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.problem().orElseThrow().message())
                .isEqualTo("invalid history directory " + readOnly.resolve("history") + ": " + readOnly
                        + " is not writable");
        assertThat(InputParser.historyDirectory(readOnly)
                        .problem()
                        .orElseThrow()
                        .message())
                .endsWith(readOnly + " is not writable");
    }

    private Path readOnlyDirectory() throws Exception {
        Path directory = Files.createDirectory(temporary.resolve("read-only"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(directory)) {
            return directory;
        }
        // root may write whatever the permissions say; a read-only mount stops root too
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        int exit = run("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", directory.toString());
        assertThat(exit)
                .as("as root, the test needs to mount a read-only tmpfs on %s", directory)
                .isZero();
        mounted = directory;
        assertThat(Files.isWritable(directory)).as("the mount is read-only").isFalse();
        return directory;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
