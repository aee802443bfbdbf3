package dev.ecsdeploy.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps web pages away from the control API. A page open in a browser on the same machine can send requests to
 * 127.0.0.1, so without this check it could inject faults or images: a foreign {@code Origin} (a cross-origin
 * request), a foreign {@code Host} (DNS rebinding: a page's own name resolving to 127.0.0.1) and a POST whose
 * content type is not {@code application/json} (the "simple" requests a browser sends without a CORS preflight)
 * are refused with 403. The emulator answers no CORS preflight, so every other cross-origin request is blocked by
 * the browser itself.
 */
final class ControlGuard {
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private ControlGuard() {}

    static void check(HttpExchange exchange, int port) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !isLoopback(host, port)) {
            throw refused("the Host header " + quoted(host) + " is not this emulator's loopback address");
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !isSameOrigin(origin, port)) {
            throw refused("cross-origin requests from " + quoted(origin) + " are not accepted");
        }
        if ("POST".equals(exchange.getRequestMethod()) || "PUT".equals(exchange.getRequestMethod())) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new AwsException(
                        415,
                        "UnsupportedMediaTypeException",
                        "control requests that change state need Content-Type: application/json, not " + quoted(type));
            }
        }
    }

    private static boolean isSameOrigin(String origin, int port) {
        String prefix = "http://";
        return origin.toLowerCase(Locale.ROOT).startsWith(prefix)
                && isLoopback(origin.substring(prefix.length()), port);
    }

    private static boolean isLoopback(String authority, int port) {
        String normalized = authority.toLowerCase(Locale.ROOT);
        for (String name : LOOPBACK_NAMES) {
            if (normalized.equals(name + ":" + port)) {
                return true;
            }
        }
        return false;
    }

    private static AwsException refused(String why) {
        return new AwsException(403, "AccessDeniedException", "control API request refused: " + why);
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }
}
