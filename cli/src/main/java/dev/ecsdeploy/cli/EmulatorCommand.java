package dev.ecsdeploy.cli;

import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.EmulatorMain;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsdeploy emulator}: starts the same local AWS emulator as the emulator jar and serves until stopped. */
@Command(
        mixinStandardHelpOptions = true,
        name = "emulator",
        description =
                "Start the local AWS emulator (ECS, ECR + registry, CloudWatch Logs, STS) and serve until stopped.")
final class EmulatorCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "4599", description = "Port on 127.0.0.1 (0 picks a free one).")
    int port;

    @Option(
            names = "--speed",
            defaultValue = "1",
            description = "Emulated seconds per real second; 0 stops the clock until it is advanced.")
    double speed;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for injected faults and generated ids.")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw CliFailure.badInput("invalid port " + port + ": ports are 0-65535", "use --port 4599");
        }
        if (speed < 0) {
            throw CliFailure.badInput("invalid speed " + speed + ": the clock cannot run backwards", "use --speed 60");
        }
        Emulator emulator =
                Emulator.builder().port(port).speed(speed).seed(seed).start();
        EmulatorMain.printReady(
                emulator,
                new java.io.PrintStream(
                        new java.io.FileOutputStream(java.io.FileDescriptor.out),
                        true,
                        java.nio.charset.StandardCharsets.UTF_8));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCode.SUCCESS;
    }
}
