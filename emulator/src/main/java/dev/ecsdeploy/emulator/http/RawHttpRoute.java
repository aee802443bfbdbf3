package dev.ecsdeploy.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/**
 * A path-routed handler that is not an AWS JSON protocol, such as the OCI distribution registry under {@code /v2/}.
 * It is called without the emulator's lock held (blob uploads can be large), so it synchronises its own state.
 */
public interface RawHttpRoute {
    /** The path prefix this route owns, for example {@code /v2/}. */
    String pathPrefix();

    void handle(HttpExchange exchange) throws IOException;

    /** The service name this route's calls carry in the call log, for example {@code registry}. */
    default String serviceName() {
        return "http";
    }

    /** The operation a request is logged as, for example {@code PUT manifest}; never includes a secret. */
    default String operationOf(HttpExchange exchange) {
        return exchange.getRequestMethod() + " " + pathPrefix();
    }

    /** Key parameters of a request for the call log (never a secret), for example the repository name. */
    default Map<String, String> parametersOf(HttpExchange exchange) {
        return Map.of();
    }
}
