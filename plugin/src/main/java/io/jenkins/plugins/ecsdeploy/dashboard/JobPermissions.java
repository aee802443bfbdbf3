package io.jenkins.plugins.ecsdeploy.dashboard;

/** What the current user may do with a job, by its full name; the pages' only question to Jenkins' security. */
public interface JobPermissions {
    /** Whether the current user holds {@code Item.READ} on the job. */
    boolean mayRead(String jobFullName);

    /** Whether the current user holds {@code Item.BUILD} on the job. */
    boolean mayBuild(String jobFullName);

    /** Who is asking, as Jenkins names the user. */
    String currentUser();
}
