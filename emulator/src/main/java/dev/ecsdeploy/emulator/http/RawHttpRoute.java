package dev.ecsdeploy.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * A path-routed handler that is not an AWS JSON protocol, such as the OCI distribution registry under {@code /v2/}.
 * It is called without the emulator's lock held (blob uploads can be large), so it synchronises its own state.
 */
public interface RawHttpRoute {
    /** The path prefix this route owns, for example {@code /v2/}. */
    String pathPrefix();

    void handle(HttpExchange exchange) throws IOException;
}
