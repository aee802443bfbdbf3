package dev.ecsdeploy.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.junit.EmulatorClients;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException;

class FilterLogEventsTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @Test
    void shouldFindMatchingEventsAcrossStreamsInTimeOrder() {
        Instant now = aws.emulator().now();
        put("a", event("ERROR disk full", now.plusMillis(2)), event("INFO ok", now.plusMillis(3)));
        put("b", event("ERROR timeout", now.plusMillis(1)), event("WARN slow", now.plusMillis(4)));

        FilterLogEventsResponse errors =
                aws.logs().filterLogEvents(r -> r.logGroupName("/f").filterPattern("ERROR"));
        FilterLogEventsResponse either =
                aws.logs().filterLogEvents(r -> r.logGroupName("/f").filterPattern("?WARN ?INFO"));
        FilterLogEventsResponse phrase = aws.logs()
                .filterLogEvents(r -> r.logGroupName("/f").logStreamNames("a").filterPattern("\"disk full\""));

        assertThat(errors.events())
                .extracting(FilteredLogEvent::message)
                .containsExactly("ERROR timeout", "ERROR disk full");
        assertThat(errors.events()).extracting(FilteredLogEvent::logStreamName).containsExactly("b", "a");
        assertThat(either.events()).extracting(FilteredLogEvent::message).containsExactly("INFO ok", "WARN slow");
        assertThat(phrase.events()).extracting(FilteredLogEvent::message).containsExactly("ERROR disk full");
    }

    @Test
    void shouldPageWithANextToken() {
        Instant now = aws.emulator().now();
        put("a", event("1", now), event("2", now.plusMillis(1)), event("3", now.plusMillis(2)));

        FilterLogEventsResponse first =
                aws.logs().filterLogEvents(r -> r.logGroupName("/f").limit(2));
        aws.emulator().advance(Duration.ofSeconds(1));
        FilterLogEventsResponse second =
                aws.logs().filterLogEvents(r -> r.logGroupName("/f").limit(2).nextToken(first.nextToken()));

        assertThat(first.events()).extracting(FilteredLogEvent::message).containsExactly("1", "2");
        assertThat(second.events()).extracting(FilteredLogEvent::message).containsExactly("3");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void shouldThrottleTheSixthCallWithinOneSecond() {
        put("a", event("m", aws.emulator().now()));
        try (EmulatorClients noRetries =
                new EmulatorClients(aws.emulator(), c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))) {
            CloudWatchLogsClient logs = noRetries.logs();
            for (int i = 0; i < LogsService.FILTER_TPS; i++) {
                logs.filterLogEvents(r -> r.logGroupName("/f"));
            }

            assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName("/f")))
                    .isInstanceOf(ThrottlingException.class)
                    .hasMessageContaining("Rate exceeded");
            aws.emulator().advance(Duration.ofSeconds(1));
            assertThat(logs.filterLogEvents(r -> r.logGroupName("/f")).events()).hasSize(1);
        }
    }

    @Test
    void shouldPunishAClientThatLoopsOnFilterLogEvents() {
        put("a", event("m", aws.emulator().now()));

        assertThatThrownBy(() -> {
                    for (int i = 0; i < 10; i++) {
                        aws.logs().filterLogEvents(r -> r.logGroupName("/f"));
                    }
                })
                .isInstanceOf(ThrottlingException.class);
        assertThat(aws.emulator().callLog().calls("logs", "FilterLogEvents"))
                .filteredOn(call -> call.outcome().equals("ThrottlingException"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    private void put(String stream, InputLogEvent... events) {
        CloudWatchLogsClient logs = aws.logs();
        if (logs.describeLogGroups(r -> r.logGroupNamePrefix("/f")).logGroups().isEmpty()) {
            logs.createLogGroup(r -> r.logGroupName("/f"));
        }
        logs.createLogStream(r -> r.logGroupName("/f").logStreamName(stream));
        logs.putLogEvents(r -> r.logGroupName("/f").logStreamName(stream).logEvents(events));
    }

    private static InputLogEvent event(String message, Instant time) {
        return InputLogEvent.builder()
                .message(message)
                .timestamp(time.toEpochMilli())
                .build();
    }
}
