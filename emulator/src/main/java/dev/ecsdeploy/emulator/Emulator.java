package dev.ecsdeploy.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.clock.SimulatedClock;
import dev.ecsdeploy.emulator.codedeploy.CodeDeployService;
import dev.ecsdeploy.emulator.ecr.EcrService;
import dev.ecsdeploy.emulator.ecs.EcsService;
import dev.ecsdeploy.emulator.faults.FaultInjector;
import dev.ecsdeploy.emulator.faults.FaultRule;
import dev.ecsdeploy.emulator.faults.UnimplementedOperations;
import dev.ecsdeploy.emulator.http.AwsException;
import dev.ecsdeploy.emulator.http.ControlRequest;
import dev.ecsdeploy.emulator.http.EmulatorServer;
import dev.ecsdeploy.emulator.inspect.CallLog;
import dev.ecsdeploy.emulator.inspect.CallRecord;
import dev.ecsdeploy.emulator.logs.LogsService;
import dev.ecsdeploy.emulator.sts.StsService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A local AWS: ECS, ECR (with an OCI registry), CloudWatch Logs, STS and CodeDeploy on one loopback port, spoken over the real
 * wire protocols so the unmodified AWS SDK talks to it through {@code endpointOverride}. Start one with
 * {@link #builder()}; tests usually get one from {@code EmulatorExtension}.
 */
public final class Emulator implements AutoCloseable {
    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    /** The static credentials the emulator's own clients use; any other key works too. */
    public static final String ACCESS_KEY_ID = "AKIAEMULATOR00000000";

    public static final String SECRET_ACCESS_KEY = "emulator/secret/key/not/a/real/secret0000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_CLOCK_ADVANCE = Duration.ofDays(365);
    /** Longer than any SDK client's default timeouts, so a rule can still make calls time out. */
    private static final Duration MAX_LATENCY = Duration.ofMinutes(5);

    private final EmulatorServer server;
    private final EmulatorContext context;
    private final CallLog callLog;
    private final FaultInjector faults;
    private final UnimplementedOperations unimplemented = new UnimplementedOperations();
    private final EcsService ecs;
    private final EcrService ecr;
    private final LogsService logs;
    private final StsService sts;
    private final CodeDeployService codeDeploy;

    private Emulator(Builder builder) throws IOException {
        this.callLog = new CallLog();
        this.faults = new FaultInjector(builder.seed);
        this.server = new EmulatorServer(
                builder.port, builder.clock, faults, unimplemented, callLog, builder.accountId, builder.region);
        this.context = new EmulatorContext(
                builder.clock, builder.accountId, builder.region, "127.0.0.1:" + server.port(), builder.seed);
        this.logs = new LogsService(context);
        this.ecr = new EcrService(context);
        this.ecs = new EcsService(context, ecr.imageResolver(), logs);
        this.sts = new StsService(context);
        this.codeDeploy = new CodeDeployService(context, ecs.taskSets());
        server.register(ecs);
        server.register(ecr);
        server.register(logs);
        server.register(sts);
        server.register(codeDeploy);
        server.register(ecr.registryRoute());
        server.control(this::control);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Emulator start() {
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, the endpoint override for every SDK client. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    public String accountId() {
        return context.accountId();
    }

    public String region() {
        return context.defaultRegion();
    }

    /** {@code 127.0.0.1:<port>}, the registry host real clients push to. */
    public String registryHost() {
        return context.registryHost();
    }

    public SimulatedClock clock() {
        return context.clock();
    }

    public Instant now() {
        return context.clock().now();
    }

    /** Moves the emulated clock forward and applies every transition that became due. */
    public void advance(Duration duration) {
        context.clock().advance(duration);
        server.withWorld(() -> null);
    }

    public CallLog callLog() {
        return callLog;
    }

    public FaultInjector faults() {
        return faults;
    }

    /**
     * Operations answered as an endpoint answers an operation it does not know, to imitate an endpoint that
     * implements only part of AWS.
     */
    public UnimplementedOperations unimplemented() {
        return unimplemented;
    }

    public EcsService ecs() {
        return ecs;
    }

    public EcrService ecr() {
        return ecr;
    }

    public LogsService logs() {
        return logs;
    }

    public StsService sts() {
        return sts;
    }

    public CodeDeployService codeDeploy() {
        return codeDeploy;
    }

    /**
     * Puts a CloudWatch alarm into ALARM now: ECS deployments and CodeDeploy deployment groups that monitor it react.
     */
    public void triggerAlarm(String alarmName) {
        server.withWorld(() -> {
            ecs.triggerAlarm(alarmName);
            codeDeploy.alarm(alarmName, context.clock().now());
            return null;
        });
    }

    /** Runs {@code action} on the emulator's state under its lock, after applying due transitions. */
    public <T> T inspect(Supplier<T> action) {
        return server.withWorld(action);
    }

    /** A JSON view of every service's state, the same as {@code GET /_emulator/state}. */
    public JsonNode stateDump() {
        return server.withWorld(this::dump);
    }

    @Override
    public void close() {
        server.close();
    }

    private JsonNode dump() {
        ObjectNode state = JSON.createObjectNode();
        state.put("now", context.clock().now().toString());
        state.set("ecs", ecs.dumpState());
        state.set("ecr", ecr.dumpState());
        state.set("logs", logs.dumpState());
        state.set("sts", sts.dumpState());
        state.set("codedeploy", codeDeploy.dumpState());
        return state;
    }

    private JsonNode control(ControlRequest request) {
        String path = request.path();
        String method = request.method();
        return switch (method + " " + path) {
            case "GET health" -> JSON.createObjectNode().put("status", "ok");
            case "GET state" -> dump();
            case "GET calls" -> calls();
            case "DELETE calls" -> {
                callLog.clear();
                yield JSON.createObjectNode();
            }
            case "GET faults" -> faultsJson();
            case "POST faults" -> {
                faults.add(faultRule(request.body()));
                yield faultsJson();
            }
            case "DELETE faults" -> {
                faults.clear();
                yield JSON.createObjectNode();
            }
            case "POST faults/seed" -> {
                faults.reseed(Long.parseLong(request.query().getOrDefault("seed", "0")));
                yield JSON.createObjectNode();
            }
            case "GET unimplemented" -> unimplementedJson();
            case "POST unimplemented" -> {
                unimplement(request.body());
                yield unimplementedJson();
            }
            case "DELETE unimplemented" -> {
                unimplemented.clear();
                yield unimplementedJson();
            }
            case "POST ecs/simulate" -> ecs.simulate(request.body());
            case "POST ecs/capacity" -> ecs.taskCapacity(request.body());
            case "POST ecs/alarm", "POST alarms" -> {
                String alarm = request.body().path("alarmName").asText();
                ecs.triggerAlarm(alarm);
                codeDeploy.alarm(alarm, context.clock().now());
                yield JSON.createObjectNode();
            }
            case "POST codedeploy/hooks" -> {
                codeDeploy.hookResult(
                        request.body().path("function").asText(),
                        request.body().path("result").asText());
                yield JSON.createObjectNode();
            }
            case "DELETE ecs/simulate" -> {
                ecs.clearSimulations();
                yield JSON.createObjectNode();
            }
            case "POST sts/roles" -> sts.defineRole(request.body());
            case "GET clock" -> clockJson();
            case "POST clock/advance" -> {
                context.clock().advance(clockAdvance(request));
                yield clockJson();
            }
            default -> {
                if (path.startsWith("ecr/")) {
                    yield ecr.control(request);
                }
                throw new AwsException(404, "NotFound", "no control path " + method + " /_emulator/" + path);
            }
        };
    }

    /** {@code {"seconds": 90}} or {@code ?seconds=90}: a finite, non-negative step of at most a year. */
    private static Duration clockAdvance(ControlRequest request) {
        JsonNode body =
                request.body() == null ? JSON.nullNode() : request.body().path("seconds");
        String text = body.isMissingNode() || body.isNull()
                ? request.query().getOrDefault("seconds", "0")
                : body.isNumber() ? body.asText() : null;
        double seconds;
        try {
            seconds = text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds >= 0 && seconds <= MAX_CLOCK_ADVANCE.toSeconds())) {
            throw AwsException.validation("seconds must be a number from 0 to " + MAX_CLOCK_ADVANCE.toSeconds()
                    + " (one year), not " + (text == null ? body : text));
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** {@code {"operations": ["ecs:ListServiceDeployments"], "style": "aws" | "localstack"}}. */
    private void unimplement(JsonNode body) {
        JsonNode operations = body == null ? JSON.nullNode() : body.path("operations");
        if (!operations.isArray() || operations.isEmpty()) {
            throw new IllegalArgumentException(
                    "operations must be a list of targets such as [\"ecs:ListServiceDeployments\"]");
        }
        String styleName = body.path("style").asText("aws").toUpperCase(java.util.Locale.ROOT);
        UnimplementedOperations.Style style;
        try {
            style = UnimplementedOperations.Style.valueOf(styleName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("style must be aws or localstack, not " + body.path("style"), e);
        }
        for (JsonNode target : operations) {
            if (!target.isTextual()) {
                throw new IllegalArgumentException(
                        "each operation must be a string such as \"ecs:ListServiceDeployments\"");
            }
        }
        operations.forEach(target -> unimplemented.add(target.textValue(), style));
    }

    private ObjectNode unimplementedJson() {
        ObjectNode node = JSON.createObjectNode();
        unimplemented
                .targets()
                .forEach((target, style) -> node.put(target, style.name().toLowerCase(java.util.Locale.ROOT)));
        return node;
    }

    private ObjectNode clockJson() {
        return JSON.createObjectNode()
                .put("now", context.clock().now().toString())
                .put("epochSeconds", context.clock().now().toEpochMilli() / 1000.0)
                .put("speed", context.clock().speed());
    }

    private ArrayNode calls() {
        ArrayNode array = JSON.createArrayNode();
        for (CallRecord record : callLog.all()) {
            ObjectNode node = array.addObject();
            node.put("sequence", record.sequence());
            node.put("service", record.service());
            node.put("operation", record.operation());
            node.set("parameters", JSON.valueToTree(record.parameters()));
            node.put("outcome", record.outcome());
            node.put("status", record.status());
            node.put("time", record.time().toString());
        }
        return array;
    }

    /** The rules in the same shape POST accepts (Jackson cannot write the Duration without an extra module). */
    private ArrayNode faultsJson() {
        ArrayNode array = JSON.createArrayNode();
        for (FaultRule rule : faults.rules()) {
            array.addObject()
                    .put("target", rule.target())
                    .put("throttlePercent", rule.throttlePercent())
                    .put("serverErrorPercent", rule.serverErrorPercent())
                    .put("dropPercent", rule.dropPercent())
                    .put("latencyMillis", rule.latency().toMillis());
        }
        return array;
    }

    private static FaultRule faultRule(JsonNode body) {
        if (body == null || !body.hasNonNull("target")) {
            throw new IllegalArgumentException("a fault rule needs a target such as \"ecs:DescribeServices\"");
        }
        return new FaultRule(
                body.get("target").asText(),
                body.path("throttlePercent").asDouble(0),
                body.path("serverErrorPercent").asDouble(0),
                body.path("dropPercent").asDouble(0),
                latency(body.path("latencyMillis")));
    }

    private static Duration latency(JsonNode millis) {
        if (millis.isMissingNode() || millis.isNull()) {
            return Duration.ZERO;
        }
        if (!millis.canConvertToLong() || millis.asLong() < 0 || millis.asLong() > MAX_LATENCY.toMillis()) {
            throw new IllegalArgumentException(
                    "latencyMillis must be a whole number from 0 to " + MAX_LATENCY.toMillis() + ", not " + millis);
        }
        return Duration.ofMillis(millis.asLong());
    }

    /** Settings for a new emulator. */
    public static final class Builder {
        private int port;
        private SimulatedClock clock = SimulatedClock.running(1);
        private long seed = 42;
        private String accountId = DEFAULT_ACCOUNT;
        private String region = DEFAULT_REGION;

        private Builder() {}

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Emulated seconds per real second; 0 makes a manual clock that only tests advance. */
        public Builder speed(double speed) {
            this.clock = speed == 0 ? SimulatedClock.manual(Instant.now()) : SimulatedClock.running(speed);
            return this;
        }

        public Builder clock(SimulatedClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Binds the port and wires the services; call {@link Emulator#start()} to serve. */
        public Emulator build() {
            try {
                return new Emulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not bind the emulator to 127.0.0.1:" + port, e);
            }
        }

        public Emulator start() {
            return build().start();
        }
    }
}
