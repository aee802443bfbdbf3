package io.jenkins.plugins.ecsdeploy.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.core.dashboard.DashboardApi;
import dev.ecsdeploy.core.dashboard.DashboardApi.Response;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryIndex;
import dev.ecsdeploy.core.history.KnownGoodMark;
import hudson.model.Item;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a "Deployments" action answers, without the web framework: dashboard JSON for the jobs in its scope that the
 * user may read, the known-good mark, and core's page assets. The action only adapts Stapler's request to it.
 */
public final class DeploymentsEndpoint {
    /** Core's page assets, by the name the page asks for: an allow list, so no path reaches the class loader. */
    private static final Map<String, String> ASSETS = Map.of(
            "dashboard.js", "text/javascript;charset=UTF-8",
            "dashboard.css", "text/css;charset=UTF-8",
            "vendor/chart.umd.min.js", "text/javascript;charset=UTF-8");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ASSET_ROOT = "dev/ecsdeploy/core/dashboard/web/";

    private final Predicate<String> inScope;
    private final JobPermissions permissions;
    private final Supplier<PluginHistory> history;

    /** A static asset: its content type and bytes. */
    public record Asset(String contentType, byte[] body) {}

    /**
     * @param inScope which job full names belong below the action ({@code null} stands for entries without a job)
     * @param permissions the current user's permissions
     * @param history the Jenkins-wide history, looked up per request
     */
    public DeploymentsEndpoint(Predicate<String> inScope, JobPermissions permissions, Supplier<PluginHistory> history) {
        this.inScope = inScope;
        this.permissions = permissions;
        this.history = history;
    }

    /** Answers a dashboard data request ({@code now}, {@code timeline}, …) for the current user. */
    public Response data(String path, Map<String, String> parameters) {
        return new DashboardApi(history.get().query()).handle(path, parameters, mayRead());
    }

    /** The jobs whose entries this user gets here: in scope, and readable (entries without a job need only scope). */
    public Predicate<String> mayRead() {
        return job -> inScope.test(job) && (job == null || permissions.hasPermission(job, Item.READ));
    }

    /**
     * Marks a deployment known good for the current user. POST only; the user needs {@code Item.BUILD} on the
     * deployment's job, which must be in scope. A deployment the user may not read answers as if it did not exist.
     */
    public Response markKnownGood(String method, String deploymentId) {
        if (!"POST".equals(method)) {
            return error(405, "marking a deployment known good needs a POST");
        }
        var query = history.get().query();
        HistoryIndex index = query.index();
        index.refresh();
        HistoryIndex.Row row = deploymentId == null ? null : index.row(deploymentId.trim());
        if (row == null || row.job() == null || !mayRead().test(row.job())) {
            return error(404, "no deployment '" + deploymentId + "' here");
        }
        if (!permissions.hasPermission(row.job(), Item.BUILD)) {
            return error(403, permissions.currentUser() + " may not build " + row.job());
        }
        DeploymentEntry deployment = index.read(row);
        var store = history.get().store();
        store.markKnownGood(KnownGoodMark.of(
                deployment, permissions.currentUser(), history.get().clock().instant()));
        return new Response(200, "{\"knownGood\":" + quoted(deployment.id()) + "}");
    }

    /** Returns one of core's page assets by name, or empty for anything not on the allow list. */
    public static Optional<Asset> asset(String name) {
        String type = ASSETS.get(name);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = DashboardApi.class.getClassLoader().getResourceAsStream(ASSET_ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("core's dashboard asset " + name + " is missing from its jar");
            }
            return Optional.of(new Asset(type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("dashboard asset " + name + " not read: " + e.getMessage(), e);
        }
    }

    /** Returns core's page fragment with {@code data-url} set to the (attribute-escaped) JSON base URL. */
    public static String markup(String dataUrl) {
        try (InputStream in = DashboardApi.class.getClassLoader().getResourceAsStream(ASSET_ROOT + "dashboard.html")) {
            if (in == null) {
                throw new IllegalStateException("core's dashboard.html is missing from its jar");
            }
            String html = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return html.replace("data-url=\"\"", "data-url=\"" + escapeAttribute(dataUrl) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("dashboard.html not read: " + e.getMessage(), e);
        }
    }

    static String escapeAttribute(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;");
    }

    private static Response error(int status, String message) {
        return new Response(status, "{\"error\":" + quoted(message) + "}");
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
