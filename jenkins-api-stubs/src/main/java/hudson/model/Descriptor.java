// jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java
package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor(Class<? extends T> clazz) {}

    protected Descriptor() {}

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }
}
