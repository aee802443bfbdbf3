package io.jenkins.plugins.ecsdeploy.dashboard;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Calls an action's Stapler web methods the way Stapler does (a request with the rest of the path and parameters,
 * a response to write to), without a servlet container: the interfaces are implemented by proxies that answer the
 * few methods the actions use and fail on any other.
 */
final class StaplerCalls {
    private StaplerCalls() {}

    /** What a web method wrote. */
    static final class Reply {
        int status = 200;
        String contentType;
        String redirect;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String text() {
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static StaplerRequest2 request(String method, String restOfPath, Map<String, String> parameters) {
        Map<String, String[]> parameterMap = new LinkedHashMap<>();
        parameters.forEach((name, value) -> parameterMap.put(name, new String[] {value}));
        return (StaplerRequest2) Proxy.newProxyInstance(
                StaplerCalls.class.getClassLoader(), new Class<?>[] {StaplerRequest2.class}, (proxy, call, args) -> {
                    return switch (call.getName()) {
                        case "getMethod" -> method;
                        case "getRestOfPath" -> restOfPath;
                        case "getParameterMap" -> parameterMap;
                        case "getParameter" -> parameters.get((String) args[0]);
                        default -> throw new UnsupportedOperationException("request." + call.getName());
                    };
                });
    }

    static StaplerResponse2 response(Reply reply) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                reply.body.write(b);
            }
        };
        return (StaplerResponse2) Proxy.newProxyInstance(
                StaplerCalls.class.getClassLoader(), new Class<?>[] {StaplerResponse2.class}, (proxy, call, args) -> {
                    switch (call.getName()) {
                        case "setStatus", "sendError" -> reply.status = (Integer) args[0];
                        case "setContentType" -> reply.contentType = (String) args[0];
                        case "setHeader" -> reply.headers.put((String) args[0], (String) args[1]);
                        case "sendRedirect2" -> {
                            reply.status = 302;
                            reply.redirect = (String) args[0];
                        }
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> throw new UnsupportedOperationException("response." + call.getName());
                    }
                    return null;
                });
    }

    /** Calls {@code doDynamic} as Stapler would for {@code <action>/<restOfPath>}. */
    static Reply dynamic(DeploymentsAction action, String method, String restOfPath, Map<String, String> parameters)
            throws java.io.IOException {
        Reply reply = new Reply();
        action.doDynamic(request(method, restOfPath, parameters), response(reply));
        return reply;
    }

    /** Calls {@code doKnownGood} as Stapler would once its {@code @POST} let the request through. */
    static Reply knownGood(DeploymentsAction action, String method, Map<String, String> parameters)
            throws java.io.IOException {
        Reply reply = new Reply();
        action.doKnownGood(request(method, "", parameters), response(reply));
        return reply;
    }
}
