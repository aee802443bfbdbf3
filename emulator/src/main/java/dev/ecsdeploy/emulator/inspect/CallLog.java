package dev.ecsdeploy.emulator.inspect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Every call the emulator answered, in order, so tests can count API calls and see retries. */
public final class CallLog {
    private final List<CallRecord> records = new ArrayList<>();
    private long nextSequence = 1;

    public synchronized void record(
            String service,
            String operation,
            Map<String, String> parameters,
            String outcome,
            int status,
            Instant time) {
        records.add(new CallRecord(nextSequence++, service, operation, Map.copyOf(parameters), outcome, status, time));
    }

    public synchronized List<CallRecord> all() {
        return List.copyOf(records);
    }

    public synchronized List<CallRecord> matching(Predicate<CallRecord> filter) {
        return records.stream().filter(filter).toList();
    }

    /** Calls of one operation, successful or not; for example {@code calls("ecs", "UpdateService")}. */
    public List<CallRecord> calls(String service, String operation) {
        return matching(r -> r.is(service, operation));
    }

    public long count(String service, String operation) {
        return calls(service, operation).size();
    }

    public long countSucceeded(String service, String operation) {
        return calls(service, operation).stream().filter(CallRecord::succeeded).count();
    }

    public synchronized void clear() {
        records.clear();
    }
}
