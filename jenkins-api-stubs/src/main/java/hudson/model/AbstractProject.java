// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/AbstractProject.java
package hudson.model;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
        extends Job<P, R> {}
