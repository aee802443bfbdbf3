// Stub of jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java
package jenkins.model;

import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import org.springframework.security.core.Authentication;

/** The permission constants are stub values: distinct objects carrying the real names. */
public class Jenkins implements AccessControlled {
    public static final PermissionGroup PERMISSIONS = new PermissionGroup(Jenkins.class, null);
    public static final Permission ADMINISTER = new Permission(PERMISSIONS, "Administer", null);
    public static final Permission MANAGE = new Permission(PERMISSIONS, "Manage", ADMINISTER);
    public static final Permission SYSTEM_READ = new Permission(PERMISSIONS, "SystemRead", ADMINISTER);
    public static final Permission READ = new Permission(PERMISSIONS, "Read", null);

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException();
    }

    public static Authentication getAuthentication2() {
        throw new UnsupportedOperationException();
    }

    public static <T> T lookup(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public java.io.File getRootDir() {
        throw new UnsupportedOperationException();
    }

    public String getRootUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }

    public <T extends Item> Iterable<T> allItems(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
