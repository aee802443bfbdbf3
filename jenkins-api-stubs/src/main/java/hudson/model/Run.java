// jenkinsci/jenkins core/src/main/java/hudson/model/Run.java
package hudson.model;

import hudson.security.AccessControlled;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements AccessControlled {
    public JobT getParent() {
        throw new UnsupportedOperationException();
    }

    public String getUrl() {
        throw new UnsupportedOperationException();
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException();
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean removeAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
