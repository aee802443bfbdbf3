package dev.ecsdeploy.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads and validates request members the way CloudWatch Logs does: constraint violations answer
 * {@code InvalidParameterException} with the service's "1 validation error detected" wording.
 */
final class LogsInput {
    static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");

    private final ObjectNode input;

    LogsInput(ObjectNode input) {
        this.input = input;
    }

    Optional<String> text(String member) {
        JsonNode value = input.get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(AwsException.text(member, value));
    }

    String required(String member) {
        return text(member).orElseThrow(() -> violation("null", member, "Member must not be null"));
    }

    String groupName(String member) {
        return named(required(member), member, GROUP_NAME);
    }

    String streamName(String member) {
        return named(required(member), member, STREAM_NAME);
    }

    /** The group of a read call: {@code logGroupName} or {@code logGroupIdentifier} (a name or an ARN). */
    String groupReference() {
        Optional<String> name = text("logGroupName");
        Optional<String> identifier = text("logGroupIdentifier");
        if (name.isPresent() && identifier.isPresent()) {
            throw AwsException.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (identifier.isPresent()) {
            return nameFromIdentifier(identifier.get());
        }
        return groupName("logGroupName");
    }

    boolean bool(String member, boolean fallback) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw AwsException.serialization(member, value, "a boolean");
        }
        return value.booleanValue();
    }

    OptionalLong number(String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw AwsException.serialization(member, value, "a whole number");
        }
        return OptionalLong.of(value.longValue());
    }

    int limit(int max, int fallback) {
        OptionalLong limit = number("limit");
        if (limit.isEmpty()) {
            return fallback;
        }
        if (limit.getAsLong() < 1) {
            throw violation(limit.getAsLong(), "limit", "Member must have value greater than or equal to 1");
        }
        if (limit.getAsLong() > max) {
            throw violation(limit.getAsLong(), "limit", "Member must have value less than or equal to " + max);
        }
        return (int) limit.getAsLong();
    }

    JsonNode node(String member) {
        return input.path(member);
    }

    /** The offset a DescribeLogGroups/DescribeLogStreams page token carries. */
    int pageOffset() {
        Optional<String> token = text("nextToken");
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(token.get()), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                return Integer.parseInt(decoded.substring("offset:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as any other token this emulator did not issue
        }
        throw AwsException.invalidParameter("The specified nextToken is invalid.");
    }

    static String pageToken(int offset) {
        return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static AwsException violation(Object value, String member, String constraint) {
        String shown = "null".equals(String.valueOf(value)) ? "null" : "'" + value + "'";
        return AwsException.invalidParameter("1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    private static String named(String name, String member, Pattern pattern) {
        if (name.isEmpty() || name.length() > 512) {
            throw violation(name, member, "Member must have length between 1 and 512");
        }
        if (!pattern.matcher(name).matches()) {
            throw violation(name, member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return name;
    }

    private static String nameFromIdentifier(String identifier) {
        if (!identifier.startsWith("arn:")) {
            return named(identifier, "logGroupIdentifier", GROUP_NAME);
        }
        int marker = identifier.indexOf(":log-group:");
        if (marker < 0) {
            throw AwsException.invalidParameter("The specified log group identifier is invalid: " + identifier);
        }
        String name = identifier.substring(marker + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }
}
