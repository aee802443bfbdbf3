// jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java
package hudson.security;

public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException();
    }
}
