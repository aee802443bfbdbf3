package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.input.Defaults;
import dev.ecsdeploy.emulator.Emulator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecsdeploy demo}: the whole product in one command, with nothing but a JDK. It starts the emulator in this
 * process, then runs the same ecsdeploy commands a user would (each printed before it runs) against it.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "demo",
        description = "Build, push, scan, deploy (rolling, canary, a rolled-back failure), run a migration and write"
                + " the history report, all against an embedded emulator. Needs only a JDK.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--speed",
            defaultValue = "60",
            description = "Emulated seconds per real second (default: ${DEFAULT-VALUE}: a minute of ECS takes a"
                    + " second).")
    double speed;

    @Option(
            names = "--example",
            defaultValue = "examples/hello",
            description = "The example application to build (default: ${DEFAULT-VALUE}).")
    Path example;

    @Option(
            names = "--output",
            defaultValue = "ecsdeploy-demo",
            description = "Directory for the history store and the report (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(
            names = "--builder",
            defaultValue = Defaults.BUILDER,
            description = "Image builder: auto (the Docker CLI when its daemon answers, then podman, then buildah, then"
                    + " Jib), docker, podman, buildah or jib (default: ${DEFAULT-VALUE}).")
    String builder;

    @Override
    public Integer call() {
        if (speed <= 0) {
            throw CliFailure.badInput("invalid speed " + speed + ": the demo needs a running clock", "use --speed 60");
        }
        if (!Files.isRegularFile(example.resolve("Dockerfile"))) {
            throw CliFailure.badInput(
                    "example application not found: " + example.resolve("Dockerfile") + " does not exist",
                    "run the demo from the repository root, or pass --example DIR");
        }
        shortenTlsProbeStall();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Emulator emulator = Emulator.builder().port(0).speed(speed).start();
                DemoEnvironment environment = new DemoEnvironment(emulator)) {
            err.println("ecs-deploy demo: emulator on " + emulator.endpoint() + " (clock at " + speed + "x)");
            return new DemoScript(emulator, environment, new DemoSettings(example, output, builder), out, err).run();
        }
    }

    /**
     * Registry clients (Jib above all) probe the emulator's plain-HTTP registry with TLS first, and the JDK server
     * answers a probe only when its request deadline drops the connection (2 s by default). The demo's images are
     * tiny and local, so a 1 s deadline halves every stall; it must be set before the first server in this JVM
     * starts, and a value given with -D wins.
     */
    private static void shortenTlsProbeStall() {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "1");
        }
    }

    /** What the demo builds, where it writes, and with which builder. */
    record DemoSettings(Path example, Path output, String builder) {}
}
