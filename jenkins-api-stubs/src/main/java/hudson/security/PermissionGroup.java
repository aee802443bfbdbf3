// Stub of jenkinsci/jenkins core/src/main/java/hudson/security/PermissionGroup.java
package hudson.security;

import org.jvnet.localizer.Localizable;

/** Works offline as a value holder. */
public final class PermissionGroup {
    public final Class owner;
    public final Localizable title;

    public PermissionGroup(Class owner, Localizable title) {
        this.owner = owner;
        this.title = title;
    }
}
