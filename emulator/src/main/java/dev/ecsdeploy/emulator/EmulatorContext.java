package dev.ecsdeploy.emulator;

import dev.ecsdeploy.emulator.clock.SimulatedClock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every emulated service shares: the clock, the account, the default region, the address real clients use to
 * reach the embedded registry ({@code 127.0.0.1:<port>}), and a seed for anything random.
 */
public final class EmulatorContext {
    private final SimulatedClock clock;
    private final String accountId;
    private final String defaultRegion;
    private final String registryHost;
    private final long seed;
    private final AtomicLong ids = new AtomicLong();

    public EmulatorContext(
            SimulatedClock clock, String accountId, String defaultRegion, String registryHost, long seed) {
        this.clock = clock;
        this.accountId = accountId;
        this.defaultRegion = defaultRegion;
        this.registryHost = registryHost;
        this.seed = seed;
    }

    public SimulatedClock clock() {
        return clock;
    }

    public String accountId() {
        return accountId;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** {@code 127.0.0.1:<port>}: repository URIs and the token's proxyEndpoint name this host. */
    public String registryHost() {
        return registryHost;
    }

    public long seed() {
        return seed;
    }

    /**
     * A deterministic 32-hex-character id (the shape of ECS task and deployment ids), unique within this emulator.
     */
    public String nextHexId() {
        long n = ids.incrementAndGet();
        return String.format("%016x%016x", seed ^ 0x5DEECE66DL, n);
    }
}
