// jenkinsci/jenkins core/src/main/java/hudson/FilePath.java
package hudson;

import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

public final class FilePath implements Serializable {
    public FilePath(VirtualChannel channel, String remote) {
        throw new UnsupportedOperationException();
    }

    public FilePath(File localPath) {
        throw new UnsupportedOperationException();
    }

    public FilePath(FilePath base, String rel) {
        throw new UnsupportedOperationException();
    }

    public String getRemote() {
        throw new UnsupportedOperationException();
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException();
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public <V, E extends Throwable> V act(Callable<V, E> callable) throws IOException, InterruptedException, E {
        throw new UnsupportedOperationException();
    }
}
