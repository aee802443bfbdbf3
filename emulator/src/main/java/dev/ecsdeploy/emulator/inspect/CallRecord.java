package dev.ecsdeploy.emulator.inspect;

import java.time.Instant;
import java.util.Map;

/**
 * One API call as the emulator saw it: which operation, its key parameters (never a secret), the outcome ("OK" or
 * the error code, such as {@code ThrottlingException}), the HTTP status and the emulated time.
 */
public record CallRecord(
        long sequence,
        String service,
        String operation,
        Map<String, String> parameters,
        String outcome,
        int status,
        Instant time) {
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public boolean is(String service, String operation) {
        return this.service.equals(service) && this.operation.equals(operation);
    }
}
