package dev.ecsdeploy.emulator.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Decides, per call, whether to throttle, fail, drop or delay it, from the active {@link FaultRule}s and a seeded
 * random source, so a failing run can be replayed with the same seed.
 */
public final class FaultInjector {
    private final List<FaultRule> rules = new ArrayList<>();
    private Random random;

    public FaultInjector(long seed) {
        this.random = new Random(seed);
    }

    public synchronized void add(FaultRule rule) {
        rules.add(rule);
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized void reseed(long seed) {
        random = new Random(seed);
    }

    public synchronized List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public synchronized Fault decide(String service, String operation) {
        Duration latency = Duration.ZERO;
        Fault.Kind kind = Fault.Kind.NONE;
        for (FaultRule rule : rules) {
            if (!rule.matches(service, operation)) {
                continue;
            }
            latency = latency.plus(rule.latency());
            if (kind == Fault.Kind.NONE) {
                kind = roll(rule);
            }
        }
        return kind == Fault.Kind.NONE && latency.isZero() ? Fault.NONE : new Fault(kind, latency);
    }

    private Fault.Kind roll(FaultRule rule) {
        double dice = random.nextDouble() * 100;
        if (dice < rule.throttlePercent()) {
            return Fault.Kind.THROTTLE;
        }
        dice -= rule.throttlePercent();
        if (dice < rule.serverErrorPercent()) {
            return Fault.Kind.SERVER_ERROR;
        }
        dice -= rule.serverErrorPercent();
        if (dice < rule.dropPercent()) {
            return Fault.Kind.DROP;
        }
        return Fault.Kind.NONE;
    }
}
