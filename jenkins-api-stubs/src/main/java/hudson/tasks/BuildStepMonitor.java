// Stub of jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStepMonitor.java
package hudson.tasks;

public enum BuildStepMonitor {
    NONE,
    STEP,
    BUILD
}
