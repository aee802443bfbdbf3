package dev.ecsdeploy.emulator.ecr;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One registry request: small helpers for reading it and answering in the registry's shape. */
final class RegistryExchange {
    private final HttpExchange exchange;

    RegistryExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String requestHeader(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    byte[] body() throws IOException {
        return exchange.getRequestBody().readAllBytes();
    }

    Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(decode(key), decode(value));
        }
        return query;
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    /**
     * Sends a response. HEAD answers carry the Content-Length of the body they would have sent (clients read blob
     * sizes from it) but no body.
     */
    void send(int status, String contentType, byte[] body) throws IOException {
        header("Docker-Distribution-API-Version", "registry/2.0");
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        if (method().equals("HEAD")) {
            header("Content-Length", Long.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        if (body.length == 0) {
            header("Content-Length", "0");
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** An error in the distribution spec's shape: {@code {"errors":[{"code":…,"message":…}]}}. */
    void error(int status, String code, String message) throws IOException {
        String json = "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + jsonEscape(message)
                + "\",\"detail\":null}]}";
        send(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
