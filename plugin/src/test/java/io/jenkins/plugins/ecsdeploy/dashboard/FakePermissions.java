package io.jenkins.plugins.ecsdeploy.dashboard;

import hudson.model.Item;
import hudson.security.Permission;
import java.util.Set;

/** A user who may read and build exactly the named jobs. */
record FakePermissions(String user, Set<String> readable, Set<String> buildable) implements JobPermissions {
    static FakePermissions reader(String user, String... jobs) {
        return new FakePermissions(user, Set.of(jobs), Set.of());
    }

    @Override
    public boolean hasPermission(String jobFullName, Permission permission) {
        if (permission == Item.READ) {
            return readable.contains(jobFullName);
        }
        return permission == Item.BUILD && buildable.contains(jobFullName);
    }

    @Override
    public String currentUser() {
        return user;
    }
}
