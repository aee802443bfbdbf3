// Stub of jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java
package hudson.security;

/** Works offline as a value holder, so that tests can tell permissions apart by name. */
public final class Permission {
    public final Class owner;
    public final PermissionGroup group;
    public final String name;
    public final Permission impliedBy;

    public Permission(PermissionGroup group, String name, Permission impliedBy) {
        this.owner = group.owner;
        this.group = group;
        this.name = name;
        this.impliedBy = impliedBy;
    }

    public String getId() {
        return owner.getName() + "." + name;
    }

    @Override
    public String toString() {
        return "Permission[" + owner + "," + name + "]";
    }
}
