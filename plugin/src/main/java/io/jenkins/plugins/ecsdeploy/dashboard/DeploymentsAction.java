package io.jenkins.plugins.ecsdeploy.dashboard;

import dev.ecsdeploy.core.dashboard.DashboardApi.Response;
import hudson.model.Action;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.GET;
import org.kohsuke.stapler.verb.POST;

/**
 * The "Deployments" page of a job, a folder or Jenkins: its {@code index.jelly} hosts core's dashboard, whose script
 * asks {@code data/<view>} for JSON and loads {@code assets/<file>} from here. Both go through
 * {@link #doDynamic} (GET only: it changes nothing); marking known good is {@link #doKnownGood}, POST only.
 */
public abstract class DeploymentsAction implements Action {
    public static final String URL_NAME = "deployments";
    private static final Logger LOGGER = Logger.getLogger(DeploymentsAction.class.getName());

    private final Predicate<String> inScope;
    private final JobPermissions permissions;
    private final Supplier<PluginHistory> history;

    protected DeploymentsAction(
            Predicate<String> inScope, JobPermissions permissions, Supplier<PluginHistory> history) {
        this.inScope = inScope;
        this.permissions = permissions;
        this.history = history;
    }

    /** What the action serves, for its views and tests. */
    public DeploymentsEndpoint getEndpoint() {
        return new DeploymentsEndpoint(inScope, permissions, history);
    }

    @Override
    public String getIconFileName() {
        return "symbol-paper-plane-outline";
    }

    @Override
    public String getDisplayName() {
        return "Deployments";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The path of this page below the Jenkins root, ending in a slash (for example {@code job/app/deployments/}). */
    public abstract String getPagePath();

    /** What the page is about, for its title: the job's or folder's full display name, or "Jenkins". */
    public abstract String getSubject();

    /** Core's dashboard fragment with its data URL below {@code rootUrl}, for {@code j:out} in the page. */
    public String markupFor(String rootUrl) {
        return DeploymentsEndpoint.markup(rootUrl + "/" + getPagePath() + "data");
    }

    /**
     * What runs now per environment, for the box on the job and folder pages; empty, with a log line, when the
     * history cannot be read, so that a damaged store never breaks the job page itself.
     */
    public List<RunningRow> getRunning() {
        try {
            return RunningRow.of(history.get().query().now(getEndpoint().mayRead()));
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "ecs-deploy: what runs now not shown on " + getPagePath(), e);
            return List.of();
        }
    }

    /** Serves {@code data/<view>} (dashboard JSON) and {@code assets/<file>} (core's script, style and chart library). */
    @GET
    public void doDynamic(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        String rest = request.getRestOfPath();
        if (rest.startsWith("/data/")) {
            Response answer = getEndpoint().data(rest.substring("/data/".length()), firstValues(request));
            writeJson(response, answer);
        } else if (rest.startsWith("/assets/")) {
            var asset = DeploymentsEndpoint.asset(rest.substring("/assets/".length()));
            if (asset.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(asset.get().contentType());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "private, max-age=3600");
            response.getOutputStream().write(asset.get().body());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /**
     * Marks the deployment named by the {@code deployment} parameter known good (POST; {@code Item.BUILD} on its job).
     * A form of the page sends {@code from=page} and is sent back to the page; other callers get JSON.
     */
    @POST
    public void doKnownGood(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        Response answer = getEndpoint().markKnownGood(request.getMethod(), request.getParameter("deployment"));
        if (answer.status() == HttpServletResponse.SC_OK && "page".equals(request.getParameter("from"))) {
            response.sendRedirect2(".");
            return;
        }
        writeJson(response, answer);
    }

    private static void writeJson(StaplerResponse2 response, Response answer) throws IOException {
        response.setStatus(answer.status());
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(answer.json().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> firstValues(StaplerRequest2 request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                parameters.put(name, values[0]);
            }
        });
        return parameters;
    }
}
