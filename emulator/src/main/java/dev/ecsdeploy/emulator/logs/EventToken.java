package dev.ecsdeploy.emulator.logs;

import dev.ecsdeploy.emulator.http.AwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GetLogEvents token: a direction, the stream it belongs to, a position in that stream and the emulated time it
 * was issued. It renders in AWS's shape, {@code f/<digits>/s} or {@code b/<digits>/s}, and is opaque to clients.
 * A forward token reads the events after its position; a backward token reads those before it.
 */
record EventToken(boolean forward, long streamId, LogEvent.Position position, Instant issuedAt) {
    /** AWS documents that GetLogEvents tokens expire 24 hours after they are issued. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private static final Pattern SHAPE = Pattern.compile("([fb])/(\\d{8})(\\d{19})(\\d{19})(\\d{15})(\\d{3})/s");

    String render() {
        String digits = String.format(
                "%08d%019d%019d%015d", streamId, position.timestamp(), position.sequence(), issuedAt.toEpochMilli());
        return (forward ? "f/" : "b/") + digits + String.format("%03d", checksum(digits)) + "/s";
    }

    /** Reads a token a client sent back, rejecting anything this emulator did not issue for this stream. */
    static EventToken parse(String token, LogStream stream, Instant now) {
        Matcher matcher = SHAPE.matcher(token);
        if (!matcher.matches()) {
            throw invalid();
        }
        String digits = matcher.group(2) + matcher.group(3) + matcher.group(4) + matcher.group(5);
        if (checksum(digits) != Integer.parseInt(matcher.group(6)) || Long.parseLong(matcher.group(2)) != stream.id()) {
            throw invalid();
        }
        Instant issuedAt = Instant.ofEpochMilli(Long.parseLong(matcher.group(5)));
        if (now.isAfter(issuedAt.plus(LIFETIME))) {
            throw AwsException.invalidParameter("The specified nextToken has expired.");
        }
        LogEvent.Position position =
                new LogEvent.Position(Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)));
        return new EventToken(matcher.group(1).equals("f"), stream.id(), position, issuedAt);
    }

    private static AwsException invalid() {
        return AwsException.invalidParameter("The specified nextToken is invalid.");
    }

    private static int checksum(String digits) {
        return Math.floorMod(digits.hashCode(), 1000);
    }
}
