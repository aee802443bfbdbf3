package io.jenkins.plugins.ecsdeploy.util;

import hudson.security.Permission;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/** A {@link JenkinsFacade} whose current user holds exactly the given permissions on Jenkins. */
public class FakeJenkins extends JenkinsFacade {
    private final Set<Permission> granted;

    public FakeJenkins(Permission... granted) {
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
}
