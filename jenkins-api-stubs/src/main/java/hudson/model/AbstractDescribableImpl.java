// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/AbstractDescribableImpl.java
package hudson.model;

@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {}
