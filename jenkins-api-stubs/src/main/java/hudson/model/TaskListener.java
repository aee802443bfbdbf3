// jenkinsci/jenkins core/src/main/java/hudson/model/TaskListener.java
package hudson.model;

import java.io.PrintStream;
import java.io.Serializable;

public interface TaskListener extends Serializable {
    PrintStream getLogger();
}
