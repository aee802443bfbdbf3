package dev.ecsdeploy.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class LogGroupsAndStreamsTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @Test
    void shouldListGroupsByPrefixInPages() {
        CloudWatchLogsClient logs = aws.logs();
        IntStream.range(0, 7).forEach(i -> logs.createLogGroup(r -> r.logGroupName("/ecs/app-" + i)));
        logs.createLogGroup(r -> r.logGroupName("/other"));

        DescribeLogGroupsResponse first =
                logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/").limit(5));
        DescribeLogGroupsResponse second = logs.describeLogGroups(
                r -> r.logGroupNamePrefix("/ecs/").limit(5).nextToken(first.nextToken()));

        assertThat(first.logGroups())
                .extracting(LogGroup::logGroupName)
                .hasSize(5)
                .startsWith("/ecs/app-0");
        assertThat(second.logGroups()).extracting(LogGroup::logGroupName).containsExactly("/ecs/app-5", "/ecs/app-6");
        assertThat(second.nextToken()).isNull();
        assertThat(first.logGroups().get(0).arn())
                .isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app-0:*");
    }

    @Test
    void shouldPageThroughGroupsWithTheSdkPaginator() {
        CloudWatchLogsClient logs = aws.logs();
        IntStream.range(0, 60).forEach(i -> logs.createLogGroup(r -> r.logGroupName("/g/" + i)));

        assertThat(logs.describeLogGroupsPaginator(r -> r.limit(7)).logGroups()).hasSize(60);
    }

    @Test
    void shouldRefuseDuplicatesAndUnknownGroups() {
        CloudWatchLogsClient logs = aws.logs();
        logs.createLogGroup(r -> r.logGroupName("/dup"));
        logs.createLogStream(r -> r.logGroupName("/dup").logStreamName("s"));

        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("/dup")))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(
                        () -> logs.createLogStream(r -> r.logGroupName("/dup").logStreamName("s")))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(
                        () -> logs.createLogStream(r -> r.logGroupName("/none").logStreamName("s")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> logs.deleteLogGroup(r -> r.logGroupName("/none")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("bad name")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("regular expression pattern");
    }

    @Test
    void shouldDeleteStreamsAndGroups() {
        CloudWatchLogsClient logs = aws.logs();
        logs.createLogGroup(r -> r.logGroupName("/gone"));
        logs.createLogStream(r -> r.logGroupName("/gone").logStreamName("a"));

        logs.deleteLogStream(r -> r.logGroupName("/gone").logStreamName("a"));
        assertThat(logs.describeLogStreams(r -> r.logGroupName("/gone")).logStreams())
                .isEmpty();
        logs.deleteLogGroup(r -> r.logGroupName("/gone"));

        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("/gone")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void shouldOrderStreamsByNameOrByLastEventTime() {
        CloudWatchLogsClient logs = aws.logs();
        logs.createLogGroup(r -> r.logGroupName("/order"));
        for (String name : List.of("b", "a", "c")) {
            logs.createLogStream(r -> r.logGroupName("/order").logStreamName(name));
        }
        Instant now = aws.emulator().now();
        put(logs, "/order", "c", now.minusSeconds(30));
        put(logs, "/order", "a", now.minusSeconds(20));
        put(logs, "/order", "b", now.minusSeconds(10));

        List<LogStream> byName =
                logs.describeLogStreams(r -> r.logGroupName("/order")).logStreams();
        List<LogStream> newestFirst = logs.describeLogStreams(r -> r.logGroupName("/order")
                        .orderBy(OrderBy.LAST_EVENT_TIME)
                        .descending(true))
                .logStreams();
        List<LogStream> byPrefix = logs.describeLogStreams(
                        r -> r.logGroupName("/order").logStreamNamePrefix("c"))
                .logStreams();

        assertThat(byName).extracting(LogStream::logStreamName).containsExactly("a", "b", "c");
        assertThat(newestFirst).extracting(LogStream::logStreamName).containsExactly("b", "a", "c");
        assertThat(byPrefix).extracting(LogStream::logStreamName).containsExactly("c");
        assertThat(byName.get(0).lastEventTimestamp())
                .isEqualTo(now.minusSeconds(20).toEpochMilli());
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("/order")
                        .orderBy(OrderBy.LAST_EVENT_TIME)
                        .logStreamNamePrefix("c")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void shouldPageStreams() {
        CloudWatchLogsClient logs = aws.logs();
        logs.createLogGroup(r -> r.logGroupName("/paged"));
        IntStream.range(0, 5)
                .forEach(i -> logs.createLogStream(r -> r.logGroupName("/paged").logStreamName("s" + i)));

        DescribeLogStreamsResponse first =
                logs.describeLogStreams(r -> r.logGroupName("/paged").limit(3));
        DescribeLogStreamsResponse second =
                logs.describeLogStreams(r -> r.logGroupName("/paged").limit(3).nextToken(first.nextToken()));

        assertThat(first.logStreams()).extracting(LogStream::logStreamName).containsExactly("s0", "s1", "s2");
        assertThat(second.logStreams()).extracting(LogStream::logStreamName).containsExactly("s3", "s4");
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() ->
                        logs.describeLogStreams(r -> r.logGroupName("/paged").limit(51)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void shouldRequireChronologicalOrderInABatch() {
        CloudWatchLogsClient logs = stream("/put", "s");
        Instant now = aws.emulator().now();

        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("/put")
                        .logStreamName("s")
                        .logEvents(event("late", now), event("early", now.minusSeconds(1)))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("chronological order");
    }

    @Test
    void shouldRejectBatchesOverTheLimits() {
        CloudWatchLogsClient logs = stream("/limits", "s");
        Instant now = aws.emulator().now();
        List<InputLogEvent> tooMany =
                IntStream.range(0, 10_001).mapToObj(i -> event("m", now)).toList();
        List<InputLogEvent> tooLarge = IntStream.range(0, 5)
                .mapToObj(i -> event("x".repeat(250_000), now))
                .toList();

        assertThatThrownBy(() -> logs.putLogEvents(
                        r -> r.logGroupName("/limits").logStreamName("s").logEvents(tooMany)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.putLogEvents(
                        r -> r.logGroupName("/limits").logStreamName("s").logEvents(tooLarge)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Upload too large");
        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("/limits")
                        .logStreamName("s")
                        .logEvents(event("a", now.minus(Duration.ofHours(25))), event("b", now))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("24 hours");
    }

    @Test
    void shouldAcceptAnySequenceTokenAndReportEventsTooNewOrTooOld() {
        CloudWatchLogsClient logs = stream("/tokens", "s");
        Instant now = aws.emulator().now();

        PutLogEventsResponse old = logs.putLogEvents(r -> r.logGroupName("/tokens")
                .logStreamName("s")
                .sequenceToken("not-a-valid-token")
                .logEvents(
                        event("too old", now.minus(Duration.ofDays(14).plusHours(1))),
                        event("old but fine", now.minus(Duration.ofDays(14).minusHours(1)))));
        PutLogEventsResponse future = logs.putLogEvents(r -> r.logGroupName("/tokens")
                .logStreamName("s")
                .logEvents(event("soon", now.plus(Duration.ofHours(1))), event("too new", now.plusSeconds(3 * 3600))));

        assertThat(old.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isZero();
        assertThat(future.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(1);
        assertThat(aws.emulator().logs().messages("/tokens", "s")).containsExactly("old but fine", "soon");
    }

    private CloudWatchLogsClient stream(String group, String stream) {
        CloudWatchLogsClient logs = aws.logs();
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        return logs;
    }

    private static void put(CloudWatchLogsClient logs, String group, String stream, Instant time) {
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(event("m", time)));
    }

    private static InputLogEvent event(String message, Instant time) {
        return InputLogEvent.builder()
                .message(message)
                .timestamp(time.toEpochMilli())
                .build();
    }
}
