// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/BuildListener.java
package hudson.model;

public interface BuildListener extends TaskListener {}
