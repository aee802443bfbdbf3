// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/Queue.java
package hudson.model;

public class Queue {
    public interface Task {}
}
