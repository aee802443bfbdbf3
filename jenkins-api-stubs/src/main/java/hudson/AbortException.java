// Stub of jenkinsci/jenkins core/src/main/java/hudson/AbortException.java
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
    public AbortException() {}

    public AbortException(String message) {
        super(message);
    }
}
