package dev.ecsdeploy.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class GetLogEventsTest {
    private static final String GROUP = "/ecs/web";
    private static final AtomicInteger STREAMS = new AtomicInteger();

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    @Test
    void shouldPageForwardAndReturnTheSameTokenAtTheEnd() {
        String stream = streamWith(25);

        GetLogEventsResponse first = forward(stream, null, 10);
        GetLogEventsResponse second = forward(stream, first.nextForwardToken(), 10);
        GetLogEventsResponse third = forward(stream, second.nextForwardToken(), 10);
        GetLogEventsResponse end = forward(stream, third.nextForwardToken(), 10);

        assertThat(messages(first)).containsExactlyElementsOf(lines(0, 10));
        assertThat(messages(second)).containsExactlyElementsOf(lines(10, 20));
        assertThat(messages(third)).containsExactlyElementsOf(lines(20, 25));
        assertThat(end.events()).isEmpty();
        assertThat(end.nextForwardToken()).isEqualTo(third.nextForwardToken());
        assertThat(end.nextForwardToken()).matches("f/\\d+/s");
    }

    @Test
    void shouldFindEventsWrittenAfterTheTokenCaughtUp() {
        String stream = streamWith(3);
        GetLogEventsResponse caughtUp =
                forward(stream, forward(stream, null, 100).nextForwardToken(), 100);

        put(stream, 3, 5);
        GetLogEventsResponse later = forward(stream, caughtUp.nextForwardToken(), 100);

        assertThat(caughtUp.events()).isEmpty();
        assertThat(messages(later)).containsExactly("line 3", "line 4");
        assertThat(later.nextForwardToken()).isNotEqualTo(caughtUp.nextForwardToken());
    }

    @Test
    void shouldReturnTheLatestEventsFirstByDefaultAndPageBackward() {
        String stream = streamWith(25);
        CloudWatchLogsClient logs = AWS.logs();

        GetLogEventsResponse latest =
                logs.getLogEvents(request(stream).limit(10).build());
        GetLogEventsResponse earlier = logs.getLogEvents(
                request(stream).limit(10).nextToken(latest.nextBackwardToken()).build());
        GetLogEventsResponse earliest = logs.getLogEvents(
                request(stream).limit(10).nextToken(earlier.nextBackwardToken()).build());
        GetLogEventsResponse start = logs.getLogEvents(request(stream)
                .limit(10)
                .nextToken(earliest.nextBackwardToken())
                .build());

        assertThat(messages(latest)).containsExactlyElementsOf(lines(15, 25));
        assertThat(messages(earlier)).containsExactlyElementsOf(lines(5, 15));
        assertThat(messages(earliest)).containsExactlyElementsOf(lines(0, 5));
        assertThat(start.events()).isEmpty();
        assertThat(start.nextBackwardToken()).isEqualTo(earliest.nextBackwardToken());
        assertThat(start.nextBackwardToken()).startsWith("b/");
    }

    @Test
    void shouldReadForwardAgainFromABackwardPage() {
        String stream = streamWith(25);
        GetLogEventsResponse latest =
                AWS.logs().getLogEvents(request(stream).limit(10).build());
        GetLogEventsResponse earlier = AWS.logs()
                .getLogEvents(request(stream)
                        .limit(10)
                        .nextToken(latest.nextBackwardToken())
                        .build());

        GetLogEventsResponse again = forward(stream, earlier.nextForwardToken(), 3);

        assertThat(messages(again)).containsExactly("line 15", "line 16", "line 17");
    }

    @Test
    void shouldReturnAtMostTenThousandEventsPerPage() {
        String stream = newStream();
        put(stream, 0, 10_000);
        put(stream, 10_000, 12_000);

        GetLogEventsResponse first = forward(stream, null, null);
        GetLogEventsResponse second = forward(stream, first.nextForwardToken(), null);

        assertThat(first.events()).hasSize(10_000);
        assertThat(second.events()).hasSize(2_000);
        assertThat(second.events().get(0).message()).isEqualTo("line 10000");
    }

    @Test
    void shouldReturnAtMostOneMegabytePerPage() {
        String stream = newStream();
        String big = "x".repeat(200_000);
        for (int batch = 0; batch < 2; batch++) {
            List<InputLogEvent> events = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                events.add(event(big + (batch * 4 + i), AWS.emulator().now()));
            }
            AWS.logs()
                    .putLogEvents(
                            r -> r.logGroupName(GROUP).logStreamName(stream).logEvents(events));
        }

        GetLogEventsResponse first = forward(stream, null, null);
        GetLogEventsResponse second = forward(stream, first.nextForwardToken(), null);

        assertThat(first.events()).hasSize(5);
        assertThat(second.events()).hasSize(3);
    }

    @Test
    void shouldAcceptEventsLargerThanTheOld256KbLimitOnePerPage() {
        String stream = newStream();
        String big = "y".repeat(600_000);
        for (int i = 0; i < 2; i++) {
            InputLogEvent event = event(big + i, AWS.emulator().now());
            AWS.logs()
                    .putLogEvents(
                            r -> r.logGroupName(GROUP).logStreamName(stream).logEvents(event));
        }

        GetLogEventsResponse first = forward(stream, null, null);
        GetLogEventsResponse second = forward(stream, first.nextForwardToken(), null);

        assertThat(messages(first)).containsExactly(big + 0);
        assertThat(messages(second)).containsExactly(big + 1);
    }

    @Test
    void shouldRejectALimitAboveTenThousand() {
        String stream = streamWith(1);

        assertThatThrownBy(() -> forward(stream, null, 10_001))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("less than or equal to 10000");
    }

    @Test
    void shouldRejectATokenOlderThanTwentyFourHours() {
        String stream = streamWith(2);
        String token = forward(stream, null, 1).nextForwardToken();
        AWS.emulator().advance(Duration.ofHours(23));
        assertThat(messages(forward(stream, token, 1))).containsExactly("line 1");

        AWS.emulator().advance(Duration.ofHours(1).plusSeconds(1));

        assertThatThrownBy(() -> forward(stream, token, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void shouldRejectATokenOfAnotherStream() {
        String token = forward(streamWith(2), null, 1).nextForwardToken();
        String other = streamWith(2);

        assertThatThrownBy(() -> forward(other, token, 1)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void shouldAnswerResourceNotFoundForAStreamThatDoesNotExistYet() {
        assertThatThrownBy(() -> forward("app/web/no-such-task", null, 1))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("log stream does not exist");
        assertThatThrownBy(() -> AWS.logs()
                        .getLogEvents(r -> r.logGroupName("/no/such/group").logStreamName("s")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("log group does not exist");
    }

    @Test
    void shouldOnlyReturnEventsInsideTheTimeWindow() {
        String stream = newStream();
        Instant base = AWS.emulator().now();
        AWS.logs()
                .putLogEvents(r -> r.logGroupName(GROUP)
                        .logStreamName(stream)
                        .logEvents(
                                event("a", base), event("b", base.plusSeconds(10)), event("c", base.plusSeconds(20))));

        GetLogEventsResponse window = AWS.logs()
                .getLogEvents(request(stream)
                        .startFromHead(true)
                        .startTime(base.plusSeconds(10).toEpochMilli())
                        .endTime(base.plusSeconds(20).toEpochMilli())
                        .build());

        assertThat(messages(window)).containsExactly("b");
    }

    @Test
    void shouldShowLinesThatTasksWrite() {
        Instant now = AWS.emulator().now();
        AWS.emulator().logs().write("/ecs/job", "job/app/abc", now, "hello", true);
        AWS.emulator().logs().write("/ecs/job", "job/app/abc", now.plusMillis(5), "world", true);

        GetLogEventsResponse response = AWS.logs()
                .getLogEvents(r ->
                        r.logGroupName("/ecs/job").logStreamName("job/app/abc").startFromHead(true));

        assertThat(messages(response)).containsExactly("hello", "world");
        assertThat(response.events().get(1).timestamp())
                .isEqualTo(now.plusMillis(5).toEpochMilli());
    }

    @Test
    void shouldDropTaskLinesWhenTheGroupIsMissingAndMayNotBeCreated() {
        AWS.emulator().logs().write("/ecs/missing", "p/app/1", AWS.emulator().now(), "lost", false);

        assertThat(AWS.logs()
                        .describeLogGroups(r -> r.logGroupNamePrefix("/ecs/missing"))
                        .logGroups())
                .isEmpty();
        assertThat(AWS.emulator().logs().messages("/ecs/missing", "p/app/1")).isEmpty();
    }

    private static GetLogEventsResponse forward(String stream, String token, Integer limit) {
        return AWS.logs()
                .getLogEvents(request(stream)
                        .startFromHead(true)
                        .nextToken(token)
                        .limit(limit)
                        .build());
    }

    private static GetLogEventsRequest.Builder request(String stream) {
        return GetLogEventsRequest.builder().logGroupName(GROUP).logStreamName(stream);
    }

    private static String streamWith(int count) {
        String stream = newStream();
        put(stream, 0, count);
        return stream;
    }

    private static String newStream() {
        String stream = "web/app/" + STREAMS.incrementAndGet();
        CloudWatchLogsClient logs = AWS.logs();
        if (logs.describeLogGroups(r -> r.logGroupNamePrefix(GROUP)).logGroups().isEmpty()) {
            logs.createLogGroup(r -> r.logGroupName(GROUP));
        }
        logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName(stream));
        return stream;
    }

    private static void put(String stream, int from, int to) {
        Instant now = AWS.emulator().now();
        List<InputLogEvent> events =
                IntStream.range(from, to).mapToObj(i -> event("line " + i, now)).toList();
        AWS.logs().putLogEvents(r -> r.logGroupName(GROUP).logStreamName(stream).logEvents(events));
    }

    private static InputLogEvent event(String message, Instant timestamp) {
        return InputLogEvent.builder()
                .message(message)
                .timestamp(timestamp.toEpochMilli())
                .build();
    }

    private static List<String> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "line " + i).toList();
    }

    private static List<String> messages(GetLogEventsResponse response) {
        return response.events().stream().map(OutputLogEvent::message).toList();
    }
}
