package io.jenkins.plugins.ecsdeploy.dashboard;

import hudson.model.Job;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.util.Objects;
import java.util.function.Supplier;

/** The "Deployments" page and job page box of one job: the deployments its builds made. */
public class JobDeploymentsAction extends DeploymentsAction {
    private final Job<?, ?> job;

    public JobDeploymentsAction(Job<?, ?> job, JobPermissions permissions, Supplier<PluginHistory> history) {
        super(inJob(job.getFullName()), permissions, history);
        this.job = job;
    }

    static java.util.function.Predicate<String> inJob(String fullName) {
        return name -> Objects.equals(name, fullName);
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getPagePath() {
        return job.getUrl() + URL_NAME + "/";
    }

    @Override
    public String getSubject() {
        return job.getFullDisplayName();
    }
}
