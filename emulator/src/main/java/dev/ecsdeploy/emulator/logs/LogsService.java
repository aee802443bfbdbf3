package dev.ecsdeploy.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.http.AwsException;
import dev.ecsdeploy.emulator.http.AwsJsonService;
import dev.ecsdeploy.emulator.http.MemberTypes;
import dev.ecsdeploy.emulator.http.RequestContext;
import dev.ecsdeploy.emulator.workload.TaskLogWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CloudWatch Logs over AWS JSON 1.1 ({@code Logs_20140328}): log groups and streams, PutLogEvents with AWS's batch
 * rules, GetLogEvents with opaque position tokens (the same token comes back at the end of a stream, tokens expire
 * after 24 emulated hours), and FilterLogEvents under its hard 5 TPS limit. It is also where simulated containers
 * write their output ({@link TaskLogWriter}).
 */
public final class LogsService implements AwsJsonService, TaskLogWriter {
    static final int FILTER_TPS = 5;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EmulatorContext context;
    private final Map<String, LogGroup> groups = new TreeMap<>();
    private final Map<String, RateLimit> filterLimits = new HashMap<>();
    private long nextSequence = 1;
    private long nextStreamId = 1;

    public LogsService(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public String targetPrefix() {
        return "Logs_20140328";
    }

    @Override
    public String serviceName() {
        return "logs";
    }

    @Override
    public synchronized void write(
            String logGroup, String logStream, Instant timestamp, String message, boolean createGroup) {
        LogGroup group = groups.get(logGroup);
        if (group == null && !createGroup) {
            // The awslogs driver cannot deliver to a missing group unless awslogs-create-group is set; the line is
            // lost.
            return;
        }
        if (group == null) {
            group = createGroup(logGroup, timestamp);
        }
        LogStream stream = group.stream(logStream).orElse(null);
        if (stream == null) {
            stream = createStream(group, logStream, timestamp);
        }
        stream.add(new LogEvent(timestamp.toEpochMilli(), nextSequence(), message, timestamp.toEpochMilli()));
    }

    /** The messages of one stream in order, or none when the group or stream does not exist. */
    public synchronized List<String> messages(String logGroup, String logStream) {
        return Optional.ofNullable(groups.get(logGroup))
                .flatMap(group -> group.stream(logStream))
                .map(stream -> stream.events().stream().map(LogEvent::message).toList())
                .orElse(List.of());
    }

    @Override
    public synchronized JsonNode handle(String operation, ObjectNode input, RequestContext request) {
        LogsInput in = new LogsInput(input);
        return switch (operation) {
            case "CreateLogGroup" -> createLogGroup(in, request);
            case "DeleteLogGroup" -> deleteLogGroup(in);
            case "DescribeLogGroups" -> {
                MemberTypes.lists(input, "accountIdentifiers", "logGroupIdentifiers");
                MemberTypes.booleans(input, "includeLinkedAccounts");
                MemberTypes.strings(input, "logGroupClass");
                yield describeLogGroups(in, request);
            }
            case "CreateLogStream" -> createLogStream(in, request);
            case "DeleteLogStream" -> deleteLogStream(in);
            case "DescribeLogStreams" -> describeLogStreams(in, request);
            case "PutLogEvents" -> putLogEvents(in, request);
            case "GetLogEvents" -> getLogEvents(in, request);
            case "FilterLogEvents" -> filterLogEvents(in, request);
            default -> throw AwsJsonService.unknownOperation(operation);
        };
    }

    @Override
    public synchronized JsonNode dumpState() {
        ObjectNode state = JSON.objectNode();
        ArrayNode groupNodes = state.putArray("logGroups");
        for (LogGroup group : groups.values()) {
            ObjectNode groupNode = groupNodes.addObject().put("logGroupName", group.name());
            ArrayNode streamNodes = groupNode.putArray("logStreams");
            for (LogStream stream : group.streams().values()) {
                ObjectNode streamNode = streamNodes
                        .addObject()
                        .put("logStreamName", stream.name())
                        .put("events", stream.events().size());
                stream.last().ifPresent(last -> streamNode.put("lastMessage", last.message()));
            }
        }
        return state;
    }

    private JsonNode createLogGroup(LogsInput in, RequestContext request) {
        String name = in.groupName("logGroupName");
        if (groups.containsKey(name)) {
            throw AwsException.client("ResourceAlreadyExistsException", "The specified log group already exists");
        }
        createGroup(name, request.now());
        return JSON.objectNode();
    }

    private JsonNode deleteLogGroup(LogsInput in) {
        String name = in.groupName("logGroupName");
        if (groups.remove(name) == null) {
            throw groupNotFound();
        }
        return JSON.objectNode();
    }

    private JsonNode describeLogGroups(LogsInput in, RequestContext request) {
        Optional<String> prefix = in.text("logGroupNamePrefix");
        Optional<String> pattern = in.text("logGroupNamePattern");
        if (prefix.isPresent() && pattern.isPresent()) {
            throw AwsException.invalidParameter(
                    "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        List<LogGroup> matching = groups.values().stream()
                .filter(group -> prefix.map(group.name()::startsWith).orElse(true))
                .filter(group ->
                        pattern.map(p -> containsIgnoringCase(group.name(), p)).orElse(true))
                .toList();
        ObjectNode output = JSON.objectNode();
        ArrayNode items = output.putArray("logGroups");
        page(matching, in, 50, output).forEach(group -> describeGroup(group, request, items.addObject()));
        return output;
    }

    private JsonNode createLogStream(LogsInput in, RequestContext request) {
        LogGroup group = group(in.groupName("logGroupName"));
        String name = in.streamName("logStreamName");
        if (group.stream(name).isPresent()) {
            throw AwsException.client("ResourceAlreadyExistsException", "The specified log stream already exists");
        }
        createStream(group, name, request.now());
        return JSON.objectNode();
    }

    private JsonNode deleteLogStream(LogsInput in) {
        LogGroup group = group(in.groupName("logGroupName"));
        if (group.streams().remove(in.streamName("logStreamName")) == null) {
            throw streamNotFound();
        }
        return JSON.objectNode();
    }

    private JsonNode describeLogStreams(LogsInput in, RequestContext request) {
        LogGroup group = group(in.groupReference());
        Optional<String> prefix = in.text("logStreamNamePrefix");
        String orderBy = in.text("orderBy").orElse("LogStreamName");
        if (!orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            throw LogsInput.violation(
                    orderBy, "orderBy", "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        if (orderBy.equals("LastEventTime") && prefix.isPresent()) {
            throw AwsException.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        Comparator<LogStream> order = orderBy.equals("LogStreamName")
                ? Comparator.comparing(LogStream::name)
                : Comparator.comparingLong(LogsService::lastEventTime).thenComparing(LogStream::name);
        if (in.bool("descending", false)) {
            order = order.reversed();
        }
        List<LogStream> matching = group.streams().values().stream()
                .filter(stream -> prefix.map(stream.name()::startsWith).orElse(true))
                .sorted(order)
                .toList();
        ObjectNode output = JSON.objectNode();
        ArrayNode items = output.putArray("logStreams");
        page(matching, in, 50, output).forEach(stream -> describeStream(group, stream, request, items.addObject()));
        return output;
    }

    private JsonNode putLogEvents(LogsInput in, RequestContext request) {
        LogGroup group = group(in.groupName("logGroupName"));
        LogStream stream = group.stream(in.streamName("logStreamName")).orElseThrow(LogsService::streamNotFound);
        ObjectNode rejected =
                LogEventBatch.validate(in.node("logEvents")).appendTo(stream, request.now(), this::nextSequence);
        // Sequence tokens are no longer required (or checked) by AWS; the deprecated member is still answered.
        ObjectNode output = JSON.objectNode().put("nextSequenceToken", String.format("%056d", nextSequence));
        if (!rejected.isEmpty()) {
            output.set("rejectedLogEventsInfo", rejected);
        }
        return output;
    }

    private long nextSequence() {
        return nextSequence++;
    }

    private JsonNode getLogEvents(LogsInput in, RequestContext request) {
        LogGroup group = group(in.groupReference());
        LogStream stream = group.stream(in.streamName("logStreamName")).orElseThrow(LogsService::streamNotFound);
        LogEventReader.Page page = LogEventReader.read(
                stream,
                in.text("nextToken"),
                in.bool("startFromHead", false),
                window(in, false),
                in.limit(LogEventReader.MAX_EVENTS, LogEventReader.MAX_EVENTS),
                request.now());
        ObjectNode output = JSON.objectNode();
        ArrayNode events = output.putArray("events");
        for (LogEvent event : page.events()) {
            events.addObject()
                    .put("timestamp", event.timestamp())
                    .put("message", event.message())
                    .put("ingestionTime", event.ingestionTime());
        }
        output.put("nextForwardToken", page.nextForwardToken());
        output.put("nextBackwardToken", page.nextBackwardToken());
        return output;
    }

    private JsonNode filterLogEvents(LogsInput in, RequestContext request) {
        filterLimits
                .computeIfAbsent(request.region(), region -> new RateLimit(FILTER_TPS))
                .acquire(request.now());
        LogGroup group = group(in.groupReference());
        return LogEventFilter.filter(group, in, window(in, true));
    }

    /** GetLogEvents excludes {@code endTime}; FilterLogEvents includes it. */
    private static LogEventReader.Window window(LogsInput in, boolean endInclusive) {
        long start = in.number("startTime").orElse(Long.MIN_VALUE);
        long end = in.number("endTime").stream()
                .map(value -> endInclusive ? value + 1 : value)
                .findFirst()
                .orElse(Long.MAX_VALUE);
        return new LogEventReader.Window(start, end);
    }

    private <T> List<T> page(List<T> items, LogsInput in, int maxLimit, ObjectNode output) {
        int offset = in.pageOffset();
        int limit = in.limit(maxLimit, maxLimit);
        int end = Math.min(items.size(), offset + limit);
        if (end < items.size()) {
            output.put("nextToken", LogsInput.pageToken(end));
        }
        return offset >= items.size() ? List.of() : items.subList(offset, end);
    }

    private void describeGroup(LogGroup group, RequestContext request, ObjectNode node) {
        String arn = request.arn("logs", "log-group:" + group.name());
        node.put("logGroupName", group.name())
                .put("creationTime", group.creationTime())
                .put("metricFilterCount", 0)
                .put("arn", arn + ":*")
                .put("logGroupArn", arn)
                .put("storedBytes", group.storedBytes())
                .put("logGroupClass", "STANDARD")
                .put("deletionProtectionEnabled", false);
    }

    private void describeStream(LogGroup group, LogStream stream, RequestContext request, ObjectNode node) {
        node.put("logStreamName", stream.name())
                .put("creationTime", stream.creationTime())
                .put("arn", request.arn("logs", "log-group:" + group.name() + ":log-stream:" + stream.name()))
                .put("storedBytes", 0);
        stream.first().ifPresent(first -> node.put("firstEventTimestamp", first.timestamp()));
        stream.last()
                .ifPresent(last -> node.put("lastEventTimestamp", last.timestamp())
                        .put("lastIngestionTime", stream.lastIngestionTime()));
    }

    private LogGroup createGroup(String name, Instant now) {
        LogGroup group = new LogGroup(name, now.toEpochMilli());
        groups.put(name, group);
        return group;
    }

    private LogStream createStream(LogGroup group, String name, Instant now) {
        LogStream stream = new LogStream(name, nextStreamId++, now.toEpochMilli());
        group.streams().put(name, stream);
        return stream;
    }

    private LogGroup group(String name) {
        LogGroup group = groups.get(name);
        if (group == null) {
            throw groupNotFound();
        }
        return group;
    }

    private static long lastEventTime(LogStream stream) {
        return stream.last().map(LogEvent::timestamp).orElse(0L);
    }

    private static boolean containsIgnoringCase(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    static AwsException groupNotFound() {
        return AwsException.client("ResourceNotFoundException", "The specified log group does not exist.");
    }

    static AwsException streamNotFound() {
        return AwsException.client("ResourceNotFoundException", "The specified log stream does not exist.");
    }
}
