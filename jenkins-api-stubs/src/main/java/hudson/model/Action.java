// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/Action.java
package hudson.model;

public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}
