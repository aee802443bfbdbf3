package dev.ecsdeploy.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsdeploy.emulator.clock.SimulatedClock;
import dev.ecsdeploy.emulator.faults.Fault;
import dev.ecsdeploy.emulator.faults.FaultInjector;
import dev.ecsdeploy.emulator.faults.UnimplementedOperations;
import dev.ecsdeploy.emulator.inspect.CallLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP front of the emulator: routes AWS JSON 1.1 requests by {@code X-Amz-Target}, AWS Query requests by the
 * signing name, registry requests by path, and the control API under {@code /_emulator/}. It applies injected
 * faults, records every call, and runs service handlers one at a time after advancing every service to the current
 * emulated time.
 */
public final class EmulatorServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIAL_SCOPE =
            Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern SECRET_NAMES =
            Pattern.compile("(?i).*(token|secret|password|authorization|credential).*");

    static {
        // Without TCP_NODELAY the JDK server's small responses wait for the client's delayed ACK: ~40 ms per call.
        // The JDK reads these properties once, when its first server starts.
        setDefault("sun.net.httpserver.nodelay", "true");
        // Registry clients (podman, buildah, docker, Jib) try TLS first even for an insecure registry. The JDK server
        // would wait forever for a request line inside the TLS ClientHello, so each push stalled for the client's
        // 10 s handshake timeout. A request deadline makes the server drop such connections quickly, and the
        // clients fall back to plain HTTP. Requests (body included) must then arrive within it, which loopback
        // clients do; set the property yourself (for example to 60) to push large images slowly.
        setDefault("sun.net.httpserver.maxReqTime", "2");
        setDefault("sun.net.httpserver.timerMillis", "100");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Object worldLock = new Object();
    private final Map<String, AwsJsonService> jsonServices = new LinkedHashMap<>();
    private final Map<String, AwsQueryService> queryServices = new LinkedHashMap<>();
    private final List<RawHttpRoute> rawRoutes = new ArrayList<>();
    private final SimulatedClock clock;
    private final FaultInjector faults;
    private final UnimplementedOperations unimplemented;
    private final CallLog callLog;
    private final String accountId;
    private final String defaultRegion;
    private final AtomicLong requestIds = new AtomicLong();
    private ControlHandler controlHandler = request -> {
        throw new AwsException(404, "NotFound", "no control path " + request.path());
    };

    public EmulatorServer(
            int port,
            SimulatedClock clock,
            FaultInjector faults,
            UnimplementedOperations unimplemented,
            CallLog callLog,
            String accountId,
            String defaultRegion)
            throws IOException {
        this.clock = clock;
        this.faults = faults;
        this.unimplemented = unimplemented;
        this.callLog = callLog;
        this.accountId = accountId;
        this.defaultRegion = defaultRegion;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        this.executor = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "ecs-deploy-emulator-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void register(AwsJsonService service) {
        jsonServices.put(service.targetPrefix(), service);
    }

    public void register(AwsQueryService service) {
        queryServices.put(service.serviceName(), service);
    }

    public void register(RawHttpRoute route) {
        rawRoutes.add(route);
    }

    public void control(ControlHandler handler) {
        this.controlHandler = handler;
    }

    public void start() {
        server.start();
    }

    /** Runs {@code action} under the lock that serialises service handlers, after advancing every service. */
    public <T> T withWorld(java.util.function.Supplier<T> action) {
        synchronized (worldLock) {
            advanceServices();
            return action.get();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/_emulator/")) {
                handleControl(exchange, path.substring("/_emulator/".length()));
                return;
            }
            for (RawHttpRoute route : rawRoutes) {
                if (path.startsWith(route.pathPrefix())) {
                    handleRaw(exchange, route);
                    return;
                }
            }
            if ("POST".equals(exchange.getRequestMethod())) {
                handleAws(exchange);
                return;
            }
            sendJson(exchange, 404, error("UnknownOperationException", "no route for " + path));
        } catch (RuntimeException e) {
            // An emulator bug: the client gets AWS's shape for an internal error, the operator the stack trace.
            e.printStackTrace();
            sendJson(
                    exchange,
                    500,
                    error("InternalFailure", "The request processing has failed because of an unknown error."));
        }
    }

    /**
     * Runs a raw route and logs the call with the request body's size as {@code bytes}, so tests can count what a
     * client uploaded (for example, that an unchanged image pushes nothing).
     */
    private void handleRaw(HttpExchange exchange, RawHttpRoute route) throws IOException {
        CountingInputStream body = new CountingInputStream(exchange.getRequestBody());
        exchange.setStreams(body, null);
        try {
            route.handle(exchange);
        } finally {
            drainQuietly(body);
            Map<String, String> parameters = new LinkedHashMap<>(route.parametersOf(exchange));
            parameters.put("bytes", Long.toString(body.count()));
            int status = exchange.getResponseCode();
            String outcome = status >= 200 && status < 400 ? "OK" : "HTTP " + status;
            callLog.record(route.serviceName(), route.operationOf(exchange), parameters, outcome, status, clock.now());
        }
    }

    private static void drainQuietly(CountingInputStream body) {
        try {
            body.drain();
        } catch (IOException e) {
            // The client went away: the count is what arrived.
        }
    }

    private void handleAws(HttpExchange exchange) throws IOException {
        byte[] body = readAll(exchange.getRequestBody());
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        RequestContext context = context(exchange);
        if (target != null) {
            handleJson(exchange, target, body, context);
            return;
        }
        String signingName = signingName(exchange);
        AwsQueryService queryService = queryServices.get(signingName);
        if (queryService == null) {
            sendJson(exchange, 400, error("UnknownOperationException", "no service for signing name " + signingName));
            return;
        }
        handleQuery(exchange, queryService, parseForm(new String(body, StandardCharsets.UTF_8)), context);
    }

    private void handleJson(HttpExchange exchange, String target, byte[] body, RequestContext context)
            throws IOException {
        int dot = target.lastIndexOf('.');
        AwsJsonService service = dot < 0 ? null : jsonServices.get(target.substring(0, dot));
        if (service == null) {
            sendJson(exchange, 400, error("UnknownOperationException", "Unknown target " + target));
            return;
        }
        String operation = target.substring(dot + 1);
        ObjectNode input;
        try {
            JsonNode parsed = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            if (!(parsed instanceof ObjectNode object)) {
                sendJson(exchange, 400, error("SerializationException", "the request body must be a JSON object"));
                return;
            }
            input = object;
        } catch (IOException e) {
            sendJson(exchange, 400, error("SerializationException", "request body is not JSON"));
            return;
        }
        Map<String, String> parameters = keyParameters(input);
        if (answerUnimplemented(exchange, service.serviceName(), operation, parameters)) {
            return;
        }
        if (applyFault(exchange, service.serviceName(), operation, parameters, false)) {
            return;
        }
        try {
            JsonNode output = withWorld(() -> service.handle(operation, input, context.withNow(clock.now())));
            callLog.record(service.serviceName(), operation, parameters, "OK", 200, clock.now());
            sendJson(exchange, 200, output == null ? JSON.createObjectNode() : output);
        } catch (AwsException e) {
            callLog.record(service.serviceName(), operation, parameters, e.code(), e.status(), clock.now());
            sendJson(exchange, e.status(), error(e.code(), e.getMessage()));
        }
    }

    private void handleQuery(
            HttpExchange exchange, AwsQueryService service, Map<String, String> form, RequestContext context)
            throws IOException {
        String action = form.getOrDefault("Action", "");
        Map<String, String> parameters = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (!key.equals("Action")
                    && !key.equals("Version")
                    && !SECRET_NAMES.matcher(key).matches()) {
                parameters.put(key, abbreviate(value));
            }
        });
        if (applyFault(exchange, service.serviceName(), action, parameters, true)) {
            return;
        }
        String requestId = nextRequestId();
        try {
            String result = withWorld(() -> service.handle(action, form, context.withNow(clock.now())));
            callLog.record(service.serviceName(), action, parameters, "OK", 200, clock.now());
            String xml = "<" + action + "Response xmlns=\"" + service.xmlNamespace() + "\"><" + action + "Result>"
                    + result + "</" + action + "Result><ResponseMetadata><RequestId>" + requestId
                    + "</RequestId></ResponseMetadata></" + action + "Response>";
            sendXml(exchange, 200, xml, requestId);
        } catch (AwsException e) {
            callLog.record(service.serviceName(), action, parameters, e.code(), e.status(), clock.now());
            sendXml(exchange, e.status(), queryError(e.code(), e.getMessage(), e.senderFault(), requestId), requestId);
        }
    }

    /** Returns true when the operation is switched off and was answered as an endpoint answers an unknown one. */
    private boolean answerUnimplemented(
            HttpExchange exchange, String service, String operation, Map<String, String> parameters)
            throws IOException {
        Optional<UnimplementedOperations.Style> style = unimplemented.lookup(service, operation);
        if (style.isEmpty()) {
            return false;
        }
        ObjectNode body = JSON.createObjectNode().put("__type", style.get().errorType());
        style.get().message(service, operation).ifPresent(message -> body.put("message", message));
        String code = style.get().errorType().substring(style.get().errorType().indexOf('#') + 1);
        callLog.record(service, operation, parameters, code, style.get().status(), clock.now());
        sendJson(exchange, style.get().status(), body);
        return true;
    }

    /** Returns true when the fault consumed the exchange (an error was sent or the connection dropped). */
    private boolean applyFault(
            HttpExchange exchange, String service, String operation, Map<String, String> parameters, boolean xml)
            throws IOException {
        Fault fault = faults.decide(service, operation);
        sleep(fault.latency().toMillis());
        switch (fault.kind()) {
            case THROTTLE -> {
                callLog.record(service, operation, parameters, "ThrottlingException", 400, clock.now());
                sendFault(exchange, 400, xml ? "Throttling" : "ThrottlingException", "Rate exceeded", xml);
                return true;
            }
            case SERVER_ERROR -> {
                callLog.record(service, operation, parameters, "ServiceUnavailableException", 503, clock.now());
                sendFault(exchange, 503, "ServiceUnavailableException", "Service unavailable (injected)", xml);
                return true;
            }
            case DROP -> {
                callLog.record(service, operation, parameters, "ConnectionDropped", 0, clock.now());
                // Closing the exchange before any response headers makes the client see a reset connection.
                exchange.close();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void sendFault(HttpExchange exchange, int status, String code, String message, boolean xml)
            throws IOException {
        if (xml) {
            String requestId = nextRequestId();
            sendXml(exchange, status, queryError(code, message, status < 500, requestId), requestId);
        } else {
            sendJson(exchange, status, error(code, message));
        }
    }

    private void handleControl(HttpExchange exchange, String path) throws IOException {
        try {
            ControlGuard.check(exchange, port());
            byte[] body = readAll(exchange.getRequestBody());
            JsonNode json = body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
            if (!json.isNull() && !json.isObject()) {
                throw new AwsException(400, "SerializationException", "the request body must be a JSON object");
            }
            Map<String, String> query = parseForm(exchange.getRequestURI().getRawQuery());
            ControlRequest request = new ControlRequest(exchange.getRequestMethod(), path, query, json);
            JsonNode answer = withWorld(() -> controlHandler.handle(request));
            sendJson(exchange, 200, answer == null ? JSON.createObjectNode() : answer);
        } catch (AwsException e) {
            sendJson(exchange, e.status(), error(e.code(), e.getMessage()));
        } catch (IOException e) {
            sendJson(exchange, 400, error("SerializationException", "the request body is not JSON"));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            sendJson(exchange, 400, error("ValidationException", String.valueOf(e.getMessage())));
        }
    }

    private void advanceServices() {
        var now = clock.now();
        for (AwsJsonService service : jsonServices.values()) {
            service.advanceTo(now);
        }
    }

    private RequestContext context(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String accessKey = "anonymous";
        String region = defaultRegion;
        if (authorization != null) {
            Matcher matcher = CREDENTIAL_SCOPE.matcher(authorization);
            if (matcher.find()) {
                accessKey = matcher.group(1);
                region = matcher.group(2);
            }
        }
        return new RequestContext(region, accessKey, accountId, clock.now());
    }

    private static String signingName(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            Matcher matcher = CREDENTIAL_SCOPE.matcher(authorization);
            if (matcher.find()) {
                return matcher.group(3);
            }
        }
        return "sts";
    }

    private static Map<String, String> keyParameters(ObjectNode input) {
        Map<String, String> parameters = new LinkedHashMap<>();
        input.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (SECRET_NAMES.matcher(field.getKey()).matches()) {
                return;
            }
            if (value.isValueNode()) {
                parameters.put(field.getKey(), abbreviate(value.asText()));
            } else if (value.isArray() && value.size() <= 10 && allScalars(value)) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                parameters.put(field.getKey(), abbreviate(String.join(",", items)));
            }
        });
        return parameters;
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String value) {
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }

    private ObjectNode error(String code, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("__type", code);
        node.put("message", message);
        return node;
    }

    private static String queryError(String code, String message, boolean sender, String requestId) {
        return "<ErrorResponse><Error><Type>" + (sender ? "Sender" : "Receiver") + "</Type><Code>" + escapeXml(code)
                + "</Code><Message>" + escapeXml(message) + "</Message></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>";
    }

    public static String escapeXml(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", nextRequestId());
        if (status >= 400 && body.has("__type")) {
            exchange.getResponseHeaders()
                    .set("X-Amzn-Errortype", body.get("__type").asText());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The body's RequestId and the header's are the same id, as in AWS. */
    private void sendXml(HttpExchange exchange, int status, String xml, String requestId) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private String nextRequestId() {
        return String.format("00000000-0000-4000-8000-%012x", requestIds.incrementAndGet());
    }

    static Map<String, String> parseForm(String raw) {
        Map<String, String> form = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return form;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
