package dev.ecsdeploy.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time the engines poll by. Against AWS it is the wall clock; against the ecs-deploy emulator it is the
 * emulator's clock, so that a sped-up emulator is followed at its own pace and a stopped (manual) clock is moved
 * forward by exactly the waits the engines ask for.
 */
abstract class TimeSource extends Clock {
    /** Waits {@code emulated} of this source's time. */
    abstract void sleep(Duration emulated) throws InterruptedException;

    /** A short description for progress output, e.g. "emulator clock at 60x". */
    abstract String describe();

    void sleepUninterruptibly(Duration emulated) {
        try {
            sleep(emulated);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.AWS_OR_TOOL_ERROR, "interrupted: the wait was cut short", null);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    static TimeSource system() {
        return new SystemTime();
    }

    /** A clock that runs {@code speed} times faster than real time and read {@code now} at this moment. */
    static TimeSource running(Instant now, double speed) {
        return new RunningTime(now, speed);
    }

    private static final class SystemTime extends TimeSource {
        @Override
        public Instant instant() {
            return Instant.now();
        }

        @Override
        void sleep(Duration emulated) throws InterruptedException {
            Thread.sleep(Math.max(0, emulated.toMillis()));
        }

        @Override
        String describe() {
            return "wall clock";
        }
    }

    private static final class RunningTime extends TimeSource {
        private final Instant origin;
        private final double speed;
        private final long realOriginNanos = System.nanoTime();

        RunningTime(Instant origin, double speed) {
            this.origin = origin;
            this.speed = speed;
        }

        @Override
        public Instant instant() {
            return origin.plusNanos((long) ((System.nanoTime() - realOriginNanos) * speed));
        }

        @Override
        void sleep(Duration emulated) throws InterruptedException {
            Thread.sleep(Math.max(0, (long) (emulated.toMillis() / speed)));
        }

        @Override
        String describe() {
            return "emulator clock at " + speed + "x";
        }
    }
}
