package io.jenkins.plugins.ecsdeploy.dashboard;

import hudson.model.Item;
import hudson.model.Job;
import io.jenkins.plugins.ecsdeploy.util.JenkinsFacade;

/** {@link JobPermissions} answered by Jenkins: the job is looked up as the current user, then asked. */
final class JenkinsJobPermissions implements JobPermissions {
    private final JenkinsFacade jenkins = new JenkinsFacade();

    @Override
    public boolean mayRead(String jobFullName) {
        return job(jobFullName) != null; // getItemByFullName answers null without Item.READ
    }

    @Override
    public boolean mayBuild(String jobFullName) {
        Job<?, ?> job = job(jobFullName);
        return job != null && job.hasPermission(Item.BUILD);
    }

    @Override
    public String currentUser() {
        return jenkins.getAuthentication().getName();
    }

    private Job<?, ?> job(String jobFullName) {
        return jobFullName == null ? null : jenkins.getItemByFullName(jobFullName, Job.class);
    }
}
