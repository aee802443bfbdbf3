package io.jenkins.plugins.ecsdeploy.dashboard;

import hudson.model.Item;
import hudson.model.Job;
import jenkins.model.Jenkins;

/** {@link JobPermissions} answered by Jenkins: the job is looked up as the current user, then asked. */
final class JenkinsJobPermissions implements JobPermissions {
    @Override
    public boolean mayRead(String jobFullName) {
        return job(jobFullName) != null; // getItemByFullName returns null without Item.READ
    }

    @Override
    public boolean mayBuild(String jobFullName) {
        Job<?, ?> job = job(jobFullName);
        return job != null && job.hasPermission(Item.BUILD);
    }

    @Override
    public String currentUser() {
        return Jenkins.getAuthentication2().getName();
    }

    private static Job<?, ?> job(String jobFullName) {
        return jobFullName == null ? null : Jenkins.get().getItemByFullName(jobFullName, Job.class);
    }
}
