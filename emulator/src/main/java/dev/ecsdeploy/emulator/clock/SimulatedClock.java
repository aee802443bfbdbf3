package dev.ecsdeploy.emulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The one clock every emulated service reads. It runs at a configurable speed-up over real time (60 means one real
 * second is one emulated minute) or, with speed 0, stands still until a test advances it. Either way a test may jump
 * it forward with {@link #advance(Duration)}.
 */
public final class SimulatedClock {
    private final Instant origin;
    private final double speed;
    private final long realOriginNanos;
    private long manualOffsetNanos;

    private SimulatedClock(Instant origin, double speed) {
        if (speed < 0) {
            throw new IllegalArgumentException("clock speed must be 0 (manual) or positive: " + speed);
        }
        this.origin = origin;
        this.speed = speed;
        this.realOriginNanos = System.nanoTime();
    }

    /** A clock that advances {@code speed} times faster than real time, starting now. */
    public static SimulatedClock running(double speed) {
        return new SimulatedClock(Instant.now(), speed);
    }

    /** A clock that only moves when {@link #advance(Duration)} is called. */
    public static SimulatedClock manual(Instant start) {
        return new SimulatedClock(start, 0);
    }

    public synchronized Instant now() {
        long realElapsed = System.nanoTime() - realOriginNanos;
        long emulatedElapsed = (long) (realElapsed * speed) + manualOffsetNanos;
        return origin.plusNanos(emulatedElapsed);
    }

    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the emulated clock cannot go backwards: " + duration);
        }
        manualOffsetNanos += duration.toNanos();
    }

    public double speed() {
        return speed;
    }

    public boolean isManual() {
        return speed == 0;
    }

    /**
     * Converts an emulated duration to the real time it takes on this clock; a manual clock never gets there by
     * itself, so it answers {@link Long#MAX_VALUE}.
     */
    public long realMillisFor(Duration emulated) {
        if (isManual()) {
            return Long.MAX_VALUE;
        }
        return (long) (TimeUnit.NANOSECONDS.toMillis(emulated.toNanos()) / speed);
    }
}
