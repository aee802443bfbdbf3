package dev.ecsdeploy.core.logs;

import dev.ecsdeploy.core.aws.AwsFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Tails container log streams with GetLogEvents and forward tokens, one call per {@link #read} (never
 * FilterLogEvents, whose 5 calls per second are shared by the whole account). A read that fails leaves the cursor
 * where it was, so a throttled call loses and repeats nothing: the next read continues from the same token.
 */
public final class TaskLogStreamer {
    private final Function<String, CloudWatchLogsClient> clientForRegion;
    private final LogReadCadence cadence;

    /**
     * Creates a streamer that reads a stream in region {@code r} through {@code clientForRegion.apply(r)}.
     */
    public TaskLogStreamer(Function<String, CloudWatchLogsClient> clientForRegion, LogReadCadence cadence) {
        this.clientForRegion = Objects.requireNonNull(clientForRegion, "clientForRegion");
        this.cadence = Objects.requireNonNull(cadence, "cadence");
    }

    /**
     * How a read that found no CloudWatch Logs at the endpoint begins: the caller stops every stream and says it once.
     */
    public static final String LOGS_UNAVAILABLE =
            "CloudWatch Logs is not available at this endpoint; the task runs on without its log lines";

    /** Reads the next page of {@code cursor}'s stream at {@code now}. */
    public LogRead read(LogCursor cursor, Instant now) {
        LogStreamRef stream = cursor.stream();
        try {
            GetLogEventsResponse response =
                    clientForRegion.apply(stream.region()).getLogEvents(request(cursor));
            return advance(cursor, response, now);
        } catch (ResourceNotFoundException e) {
            // The container has not written anything yet (or the group is missing): not an error while it starts.
            return quiet(cursor, LogCursor.State.NOT_FOUND, cursor.forwardToken(), now);
        } catch (AwsServiceException e) {
            return failed(cursor, e, now);
        } catch (SdkClientException e) {
            return retryLater(cursor, now, "reading log stream " + stream + " failed: " + e.getMessage());
        }
    }

    private static GetLogEventsRequest request(LogCursor cursor) {
        return GetLogEventsRequest.builder()
                .logGroupName(cursor.stream().logGroup())
                .logStreamName(cursor.stream().streamName())
                .startFromHead(true)
                .nextToken(cursor.forwardToken())
                .build();
    }

    private LogRead advance(LogCursor cursor, GetLogEventsResponse response, Instant now) {
        List<OutputLogEvent> events = response.events();
        String token = response.nextForwardToken();
        if (events.isEmpty() && Objects.equals(token, cursor.forwardToken())) {
            return quiet(cursor, LogCursor.State.CAUGHT_UP, token, now);
        }
        List<LogLine> lines = lines(cursor, events);
        // An empty page with a new token is not the end: CloudWatch may return empty pages while it skips a gap.
        var interval = events.isEmpty() ? cadence.afterEmptyPage() : cadence.afterEvents(events.size());
        LogCursor next = new LogCursor(
                cursor.stream(),
                token,
                cursor.delivered() + lines.size(),
                LogCursor.State.READING,
                now.plus(interval),
                interval,
                now);
        return new LogRead(next, lines, null);
    }

    private static List<LogLine> lines(LogCursor cursor, List<OutputLogEvent> events) {
        List<LogLine> lines = new ArrayList<>(events.size());
        long sequence = cursor.delivered();
        for (OutputLogEvent event : events) {
            long millis = event.timestamp() == null ? 0 : event.timestamp();
            String message = event.message() == null ? "" : stripNewline(event.message());
            lines.add(new LogLine(cursor.stream(), ++sequence, Instant.ofEpochMilli(millis), message));
        }
        return lines;
    }

    private static String stripNewline(String message) {
        return message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
    }

    private LogRead quiet(LogCursor cursor, LogCursor.State state, String token, Instant now) {
        var interval = cadence.afterQuiet(cursor.interval());
        LogCursor next =
                new LogCursor(cursor.stream(), token, cursor.delivered(), state, now.plus(interval), interval, now);
        return new LogRead(next, List.of(), null);
    }

    private LogRead failed(LogCursor cursor, AwsServiceException e, Instant now) {
        String what = "reading log stream " + cursor.stream() + " failed: "
                + e.awsErrorDetails().errorMessage();
        if (AwsFailure.isUnknownOperation(e)) {
            return new LogRead(
                    giveUp(cursor, now),
                    List.of(),
                    LOGS_UNAVAILABLE + " (" + AwsFailure.describe(e).summary() + ")");
        }
        if (e.isThrottlingException() || e.statusCode() >= 500) {
            return retryLater(cursor, now, what + " (will retry)");
        }
        LogCursor gaveUp = new LogCursor(
                cursor.stream(),
                cursor.forwardToken(),
                cursor.delivered(),
                LogCursor.State.GAVE_UP,
                now,
                cursor.interval(),
                now);
        return new LogRead(
                gaveUp, List.of(), what + " (" + e.awsErrorDetails().errorCode() + "; no more lines from it)");
    }

    private static LogCursor giveUp(LogCursor cursor, Instant now) {
        return new LogCursor(
                cursor.stream(),
                cursor.forwardToken(),
                cursor.delivered(),
                LogCursor.State.GAVE_UP,
                now,
                cursor.interval(),
                now);
    }

    private LogRead retryLater(LogCursor cursor, Instant now, String problem) {
        var interval = cadence.afterThrottled();
        LogCursor same = new LogCursor(
                cursor.stream(),
                cursor.forwardToken(),
                cursor.delivered(),
                cursor.state(),
                now.plus(interval),
                interval,
                cursor.lastReadAt());
        return new LogRead(same, List.of(), problem);
    }
}
