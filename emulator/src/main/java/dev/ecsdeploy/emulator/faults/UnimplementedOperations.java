package dev.ecsdeploy.emulator.faults;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Operations the emulator pretends not to know, to imitate an endpoint that implements only part of AWS (an older
 * region, LocalStack, another emulator). A target is {@code "ecs:ListServiceDeployments"}, {@code "logs"} or
 * {@code "ecr:*"}, as in {@link FaultRule}; each answers in a chosen {@link Style}.
 */
public final class UnimplementedOperations {
    /** How the endpoint answers an operation it does not know. */
    public enum Style {
        /**
         * AWS's own JSON 1.1 services: HTTP 400 with only {@code "__type":
         * "com.amazon.coral.service#UnknownOperationException"} in the body, no message.
         */
        AWS(400, "com.amazon.coral.service#UnknownOperationException"),
        /** LocalStack: HTTP 501 {@code InternalFailure} with a "not yet emulated" message. */
        LOCALSTACK(501, "InternalFailure");

        private final int status;
        private final String errorType;

        Style(int status, String errorType) {
            this.status = status;
            this.errorType = errorType;
        }

        public int status() {
            return status;
        }

        public String errorType() {
            return errorType;
        }

        /** The message the style sends, or empty when it sends none. */
        public Optional<String> message(String service, String operation) {
            return this == AWS
                    ? Optional.empty()
                    : Optional.of("The API action '" + operation + "' for service '" + service
                            + "' is either not available in your current license plan or has not yet been emulated"
                            + " by LocalStack.");
        }
    }

    private final Map<String, Style> targets = new LinkedHashMap<>();

    public synchronized void add(String target, Style style) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException(
                    "an unimplemented operation needs a target such as " + "\"ecs:ListServiceDeployments\"");
        }
        targets.put(target, style);
    }

    public synchronized void clear() {
        targets.clear();
    }

    public synchronized Map<String, Style> targets() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /** The style in which {@code service:operation} must answer as unknown, if it is switched off. */
    public synchronized Optional<Style> lookup(String service, String operation) {
        for (Map.Entry<String, Style> entry : targets.entrySet()) {
            if (FaultRule.latency(entry.getKey(), null).matches(service, operation)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }
}
