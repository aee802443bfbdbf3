// Stub of jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java
package hudson.remoting;

import java.io.IOException;

public interface VirtualChannel {
    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    void close() throws IOException;
}
