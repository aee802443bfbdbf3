package io.jenkins.plugins.ecsdeploy.dashboard;

import hudson.model.Job;
import hudson.security.Permission;
import io.jenkins.plugins.ecsdeploy.util.JenkinsFacade;

/**
 * {@link JobPermissions} answered by Jenkins: the job is looked up as the current user (no job when the user may not
 * read it), then asked.
 */
final class JenkinsJobPermissions implements JobPermissions {
    private final JenkinsFacade jenkins = new JenkinsFacade();

    @Override
    public boolean hasPermission(String jobFullName, Permission permission) {
        Job<?, ?> job = jobFullName == null ? null : jenkins.getItemByFullName(jobFullName, Job.class);
        return job != null && job.hasPermission(permission);
    }

    @Override
    public String currentUser() {
        return jenkins.getAuthentication().getName();
    }
}
