package io.jenkins.plugins.ecsdeploy.dashboard;

import hudson.Extension;
import hudson.model.RootAction;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.util.function.Supplier;

/**
 * The Jenkins-wide "Deployments" dashboard at {@code /deployments/}: every job the user may read, and the entries
 * recorded without a job (by the CLI into the same store).
 */
@Extension
public class GlobalDeploymentsAction extends DeploymentsAction implements RootAction {
    public GlobalDeploymentsAction() {
        this(new JenkinsJobPermissions(), PluginHistory::get);
    }

    public GlobalDeploymentsAction(JobPermissions permissions, Supplier<PluginHistory> history) {
        super(job -> true, permissions, history);
    }

    @Override
    public String getPagePath() {
        return URL_NAME + "/";
    }

    @Override
    public String getSubject() {
        return "Jenkins";
    }
}
