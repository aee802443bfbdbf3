// jenkinsci/jenkins core/src/main/java/hudson/model/Job.java
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements Item {
    @Override
    public String getFullName() {
        throw new UnsupportedOperationException();
    }
}
