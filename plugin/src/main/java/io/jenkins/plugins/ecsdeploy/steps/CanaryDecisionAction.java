package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.operation.Decision;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.history.DeploymentsBuildAction;
import java.io.IOException;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.POST;

/**
 * The build page's Continue and Roll back buttons of a paused deployment. Both are POST requests and need
 * Item.BUILD on the job, like {@code input}'s. Persisted with the build (only ids and names), so the page shows what
 * was decided after the deployment ended.
 */
public class CanaryDecisionAction implements RunAction2, DeploymentsBuildAction.PausedDeployment {
    private final String id;
    private final String service;
    private final String stage;
    private String decision;
    private boolean open = true;
    private transient Run<?, ?> run;
    private transient BuildPermission permission;

    CanaryDecisionAction(String id, String service, String stage) {
        this.id = id;
        this.service = service;
        this.stage = stage;
    }

    public String getId() {
        return id;
    }

    public String getService() {
        return service;
    }

    public String getStage() {
        return stage;
    }

    /** What was decided here, or null. */
    public String getDecision() {
        return decision;
    }

    public boolean isOpen() {
        return open;
    }

    @Override
    public String getIconFileName() {
        return open ? "clipboard.png" : null;
    }

    @Override
    public String getDisplayName() {
        return "ECS deployment decision";
    }

    @Override
    public String getUrlName() {
        return "ecs-deploy-decision";
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    @POST
    public HttpResponse doContinue() {
        return decide(Decision.CONTINUE);
    }

    @POST
    public HttpResponse doRollback() {
        return decide(Decision.ROLLBACK);
    }

    void close() {
        open = false;
    }

    void usePermission(BuildPermission check) {
        permission = check;
    }

    private HttpResponse decide(Decision wanted) {
        checkBuildPermission();
        var execution = DecisionRegistry.find(id).filter(e -> open && !e.isDone());
        if (execution.isPresent()) {
            decision = wanted.name();
            execution.get().decide(wanted);
        }
        return new BackToThePage();
    }

    /** Redirects to the action's page, which now shows the decision. */
    static final class BackToThePage implements HttpResponse {
        @Override
        public void generateResponse(StaplerRequest2 request, StaplerResponse2 response, Object node)
                throws IOException {
            response.sendRedirect2(".");
        }
    }

    private void checkBuildPermission() {
        if (permission != null) {
            permission.check(run);
        } else {
            run.getParent().checkPermission(Item.BUILD);
        }
    }

    /** A test's stand-in for the Item.BUILD check on the run's job. */
    @FunctionalInterface
    interface BuildPermission {
        void check(Run<?, ?> run);
    }
}
