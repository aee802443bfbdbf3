package io.jenkins.plugins.ecsdeploy.dashboard;

import hudson.security.Permission;

/** What the current user may do with a job, by its full name; the pages' only question to Jenkins' security. */
public interface JobPermissions {
    /** Whether the current user holds {@code permission} (Item.READ, Item.BUILD) on the job. */
    boolean hasPermission(String jobFullName, Permission permission);

    /** Who is asking, as Jenkins names the user. */
    String currentUser();
}
