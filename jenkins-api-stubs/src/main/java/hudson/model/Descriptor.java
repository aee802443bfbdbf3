// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java
package hudson.model;

/** Constructors work offline so that descriptors can be built in tests; every other body throws. */
public abstract class Descriptor<T extends Describable<T>> {
    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    protected Descriptor() {
        this.clazz = null;
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }

    public String getHelpFile() {
        throw new UnsupportedOperationException();
    }

    public String getHelpFile(String fieldName) {
        throw new UnsupportedOperationException();
    }

    public synchronized void save() {
        throw new UnsupportedOperationException();
    }

    public synchronized void load() {
        throw new UnsupportedOperationException();
    }

    public String getConfigPage() {
        throw new UnsupportedOperationException();
    }

    public final String getDescriptorFullUrl() {
        throw new UnsupportedOperationException();
    }

    public static final class FormException extends Exception implements org.kohsuke.stapler.HttpResponse {
        public FormException(String message, String formField) {
            throw new UnsupportedOperationException();
        }

        public FormException(String message, Throwable cause, String formField) {
            throw new UnsupportedOperationException();
        }

        public FormException(Throwable cause, String formField) {
            throw new UnsupportedOperationException();
        }
    }
}
