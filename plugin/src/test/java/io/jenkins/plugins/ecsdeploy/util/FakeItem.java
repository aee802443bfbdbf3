package io.jenkins.plugins.ecsdeploy.util;

import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.Permission;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/** A job on which the current user holds exactly the given permissions. */
public class FakeItem implements Item {
    private final Set<Permission> granted;

    public FakeItem(Permission... granted) {
        this.granted = Set.of(granted);
    }

    @Override
    public boolean hasPermission(Permission permission) {
        return granted.contains(permission);
    }

    @Override
    public void checkPermission(Permission permission) {
        if (!hasPermission(permission)) {
            throw new AccessDeniedException("missing " + permission.getId());
        }
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("the fake answers hasPermission directly");
    }

    @Override
    public String getName() {
        return "app";
    }

    @Override
    public String getFullName() {
        return "team/app";
    }

    @Override
    public String getDisplayName() {
        return "app";
    }

    @Override
    public String getFullDisplayName() {
        return "team » app";
    }

    @Override
    public String getUrl() {
        return "job/team/job/app/";
    }
}
