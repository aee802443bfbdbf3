package dev.ecsdeploy.emulator.ecs;

import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The emulated future: actions due at exact instants (a task reaching RUNNING, a bake time ending, a hook timing
 * out). {@link #runUntil} fires them in time order, each at its own due time, so every transition is stamped with
 * the moment it was due rather than the moment somebody looked.
 */
final class EventQueue {
    /** Something that happens at a due time. */
    @FunctionalInterface
    interface Action {
        void run(Instant at);
    }

    private record Entry(Instant due, long sequence, Action action) {}

    private final PriorityQueue<Entry> entries = new PriorityQueue<>((a, b) -> {
        int byTime = a.due.compareTo(b.due);
        return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
    });
    private long sequence;

    void schedule(Instant due, Action action) {
        entries.add(new Entry(due, sequence++, action));
    }

    /**
     * Fires every action due at or before {@code now}; after each batch of actions sharing a due time, calls
     * {@code afterEach} with that time so the schedulers can react at exactly that moment.
     */
    void runUntil(Instant now, Consumer<Instant> afterEach) {
        while (!entries.isEmpty() && !entries.peek().due.isAfter(now)) {
            Instant due = entries.peek().due;
            while (!entries.isEmpty() && entries.peek().due.equals(due)) {
                entries.poll().action.run(due);
            }
            afterEach.accept(due);
        }
    }

    int size() {
        return entries.size();
    }
}
