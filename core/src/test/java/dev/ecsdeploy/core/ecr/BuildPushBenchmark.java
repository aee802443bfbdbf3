package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build and push with podman, then the same again with nothing changed. The second run must upload no layer. The
 * emulator's registry has no bytes-received counter, so the test reads podman's debug log (added to the push command
 * by test instrumentation only): no {@code /blobs/uploads} request, every layer "already present". The digest is the
 * same and the result says "unchanged". Rerun with:
 *
 * <pre>./mvnw -o -ntp -pl core -am test -Dtest=BuildPushBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * The figures are printed to the test's output file, core/target/surefire-reports/…BuildPushBenchmark-output.txt.
 */
class BuildPushBenchmark {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @TempDir
    Path context;

    @Test
    void shouldUploadNoLayerWhenNothingChanged() throws Exception {
        ContainerToolsAssumptions.assumeTool("podman");
        ContainerToolsAssumptions.assumeFile("/bin/busybox", "install busybox-static");
        // A fresh marker makes the first build a cold one (its RUN step really runs); the second hits the cache.
        EcrTestSupport.busyboxContext(context, "benchmark-" + System.nanoTime());
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            support.runner.instrument(BuildPushBenchmark::debugPush);
            Run first = run(support);
            int linesAfterFirst = support.runner.allOutput().split("\n").length;
            Run second = run(support);
            List<String> secondOutput = List.of(support.runner.allOutput().split("\n"))
                    .subList(linesAfterFirst, support.runner.allOutput().split("\n").length);

            long skipped = secondOutput.stream()
                    .filter(line -> line.contains("(already present)"))
                    .count();
            long uploads = secondOutput.stream()
                    .filter(line -> line.contains("/blobs/uploads"))
                    .count();
            long firstUploads = List.of(support.runner.allOutput().split("\n")).subList(0, linesAfterFirst).stream()
                    .filter(line -> line.contains("POST") && line.contains("/blobs/uploads"))
                    .count();
            double ratio = (double) second.wall().toMillis() / first.wall().toMillis();
            System.out.printf(
                    "BENCHMARK build+push podman: first %d ms (%d blob uploads), second %d ms (%d blob uploads, %d layers"
                            + " skipped as already present), ratio second/first %.2f; changed %s -> %s%n",
                    first.wall().toMillis(),
                    firstUploads,
                    second.wall().toMillis(),
                    uploads,
                    skipped,
                    ratio,
                    first.result().changed(),
                    second.result().changed());
            assertThat(firstUploads).as("the first run uploads layers").isPositive();
            assertThat(uploads).as("the second run starts no blob upload").isZero();
            assertThat(skipped).as("every layer is found already present").isGreaterThanOrEqualTo(2);
            assertThat(second.result().digest()).isEqualTo(first.result().digest());
            assertThat(second.result().changed()).isFalse();
            assertThat(support.tokenCalls()).isEqualTo(1);
        }
    }

    private Run run(EcrTestSupport support) {
        long start = System.nanoTime();
        PushResult result = support.manager.buildAndPush(r -> r.repository(RepositorySpec.builder()
                        .name("bench/app")
                        .createIfMissing(true)
                        .build())
                .tags(List.of("1.0.0"))
                .builderKind(BuilderKind.PODMAN)
                .contextDirectory(context)
                .created(Instant.parse("2026-01-01T00:00:00Z"))
                .extraArgs(List.of("--isolation", "chroot")));
        return new Run(Duration.ofNanos(System.nanoTime() - start), result);
    }

    /** podman logs each blob check at debug level; that is how we see what it uploaded. */
    private static dev.ecsdeploy.core.ecr.build.Command debugPush(dev.ecsdeploy.core.ecr.build.Command command) {
        if (command.argv().size() < 2 || !command.argv().get(1).equals("push")) {
            return command;
        }
        List<String> argv = new java.util.ArrayList<>(command.argv());
        argv.add(1, "--log-level=debug");
        return new dev.ecsdeploy.core.ecr.build.Command(
                argv, command.environment(), command.stdin(), command.workDirectory());
    }

    private record Run(Duration wall, PushResult result) {}
}
