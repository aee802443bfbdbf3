// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/TaskListener.java
package hudson.model;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Serializable;

public interface TaskListener extends Serializable {
    PrintStream getLogger();

    default void hyperlink(String url, String text) throws IOException {
        throw new UnsupportedOperationException();
    }

    default PrintWriter error(String msg) {
        throw new UnsupportedOperationException();
    }

    default PrintWriter error(String format, Object... args) {
        throw new UnsupportedOperationException();
    }

    default PrintWriter fatalError(String msg) {
        throw new UnsupportedOperationException();
    }
}
