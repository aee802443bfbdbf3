package io.jenkins.plugins.ecsdeploy.dashboard;

import java.util.Set;

/** A user who may read and build exactly the named jobs. */
record FakePermissions(String user, Set<String> readable, Set<String> buildable) implements JobPermissions {
    static FakePermissions reader(String user, String... jobs) {
        return new FakePermissions(user, Set.of(jobs), Set.of());
    }

    @Override
    public boolean mayRead(String jobFullName) {
        return readable.contains(jobFullName);
    }

    @Override
    public boolean mayBuild(String jobFullName) {
        return buildable.contains(jobFullName);
    }

    @Override
    public String currentUser() {
        return user;
    }
}
