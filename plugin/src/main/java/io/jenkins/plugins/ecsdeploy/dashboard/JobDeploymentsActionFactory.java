package io.jenkins.plugins.ecsdeploy.dashboard;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Adds the "Deployments" action to every job; it is not persisted and costs nothing until its page is opened. */
@Extension
@SuppressWarnings("rawtypes") // TransientActionFactory<Job> is how Jenkins matches every job type
public class JobDeploymentsActionFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return JobDeploymentsAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job target) {
        return List.of(new JobDeploymentsAction(target, new JenkinsJobPermissions(), PluginHistory::get));
    }
}
