// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/AbstractBuild.java
package hudson.model;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {}
