// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/Item.java
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;

/** The permission constants are stub values: distinct objects carrying the real names. */
public interface Item extends AccessControlled {
    PermissionGroup PERMISSIONS = new PermissionGroup(Item.class, null);
    Permission CREATE = new Permission(PERMISSIONS, "Create", null);
    Permission DELETE = new Permission(PERMISSIONS, "Delete", null);
    Permission CONFIGURE = new Permission(PERMISSIONS, "Configure", null);
    Permission READ = new Permission(PERMISSIONS, "Read", null);
    Permission DISCOVER = new Permission(PERMISSIONS, "Discover", null);
    Permission EXTENDED_READ = new Permission(PERMISSIONS, "ExtendedRead", null);
    Permission BUILD = new Permission(PERMISSIONS, "Build", null);
    Permission WORKSPACE = new Permission(PERMISSIONS, "Workspace", null);
    Permission CANCEL = new Permission(PERMISSIONS, "Cancel", null);

    String getName();

    String getFullName();

    String getDisplayName();

    String getFullDisplayName();

    String getUrl();
}
