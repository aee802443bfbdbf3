package io.jenkins.plugins.ecsdeploy.util;

import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Job;
import hudson.security.Permission;
import java.io.Serializable;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * The plugin's only door to the {@link Jenkins} singleton. Everything else takes a facade, so that tests replace it
 * with a fake and run without a Jenkins.
 */
public class JenkinsFacade implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Whether the current user holds {@code permission} on the whole Jenkins. */
    public boolean hasPermission(Permission permission) {
        return Jenkins.get().hasPermission(permission);
    }

    /** Fails with {@code AccessDeniedException} unless the current user holds {@code permission} on Jenkins. */
    public void checkPermission(Permission permission) {
        Jenkins.get().checkPermission(permission);
    }

    /** The registered instance of a descriptor or global configuration. */
    public <T extends Descriptor> T getDescriptor(Class<T> type) {
        return Jenkins.get().getDescriptorByType(type);
    }

    /** Who is calling: the user of a web request, or SYSTEM on a background thread. */
    public Authentication getAuthentication() {
        return Jenkins.getAuthentication2();
    }

    /** The item of that full name and type, or null when there is none or the current user may not read it. */
    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) {
        return Jenkins.get().getItemByFullName(fullName, type);
    }

    /** Every job of this Jenkins, in folders too, as the system sees them (no permission filter). */
    public Iterable<Job> allJobs() {
        return Jenkins.get().allItems(Job.class);
    }

    /** JENKINS_HOME. */
    public java.nio.file.Path rootDirectory() {
        return Jenkins.get().getRootDir().toPath();
    }
}
