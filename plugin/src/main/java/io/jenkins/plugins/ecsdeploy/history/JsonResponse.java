package io.jenkins.plugins.ecsdeploy.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** A JSON body for the pages' scripts; every value is data, rendered as text by the page. */
final class JsonResponse implements HttpResponse {
    private final byte[] body;

    private JsonResponse(byte[] body) {
        this.body = body;
    }

    static JsonResponse of(ObjectMapper mapper, Object value) {
        try {
            return new JsonResponse(mapper.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void generateResponse(StaplerRequest2 request, StaplerResponse2 response, Object node) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(body);
    }
}
