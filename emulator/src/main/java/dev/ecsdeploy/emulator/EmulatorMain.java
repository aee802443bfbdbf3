package dev.ecsdeploy.emulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point: {@code java -jar ecs-deploy-emulator.jar [--port 4599] [--speed 60] [--seed 42]}. Prints
 * the endpoint, then a ready line, and serves until it is stopped.
 */
public final class EmulatorMain {
    /** A day per real second; beyond that every timed transition fires at once and the emulation means nothing. */
    private static final double MAX_SPEED = 86_400;

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        Emulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ecs-deploy-emulator: " + e.getMessage());
            System.err.println("usage: java -jar ecs-deploy-emulator.jar [--port 4599] [--speed 60] [--seed 42]");
            System.exit(2);
            return;
        }
        Emulator emulator;
        try {
            emulator = builder.start();
        } catch (UncheckedIOException e) {
            // A port already in use is the common case; say so in one line instead of a stack trace.
            System.err.println("ecs-deploy-emulator: " + e.getMessage() + ": "
                    + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        printReady(emulator, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** The two lines scripts wait for: the endpoint, then "ready". */
    public static void printReady(Emulator emulator, PrintStream out) {
        out.println("endpoint: " + emulator.endpoint());
        out.println("registry: " + emulator.registryHost());
        out.println("ecs-deploy emulator ready on " + emulator.endpoint() + " (speed "
                + emulator.clock().speed() + "x, account " + emulator.accountId() + ", region " + emulator.region()
                + ")");
        out.flush();
    }

    static Emulator.Builder parse(String[] args) {
        Emulator.Builder builder = Emulator.builder().port(4599).speed(1);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> builder.port(port(require(args[i], value)));
                case "--speed" -> builder.speed(speed(require(args[i], value)));
                case "--seed" -> builder.seed(number("--seed", require(args[i], value)));
                case "--region" -> builder.region(require(args[i], value));
                case "--account" -> builder.accountId(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        return builder;
    }

    private static int port(String value) {
        long port = number("--port", value);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be from 0 to 65535, not " + value);
        }
        return (int) port;
    }

    private static double speed(String value) {
        double speed;
        try {
            speed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            speed = Double.NaN;
        }
        if (!(speed >= 0 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException(
                    "--speed must be a number from 0 to " + (long) MAX_SPEED + ", not " + value);
        }
        return speed;
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not " + value, e);
        }
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
