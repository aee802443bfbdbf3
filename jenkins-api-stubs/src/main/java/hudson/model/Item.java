// jenkinsci/jenkins core/src/main/java/hudson/model/Item.java
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    Permission BUILD = Stubs.permission();

    Permission CONFIGURE = Stubs.permission();

    String getFullName();

    /** Not part of Jenkins: keeps the stub's permission fields from being compile-time constants. */
    final class Stubs {
        private Stubs() {}

        static Permission permission() {
            return null;
        }
    }
}
