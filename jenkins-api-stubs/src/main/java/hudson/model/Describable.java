// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/Describable.java
package hudson.model;

public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
