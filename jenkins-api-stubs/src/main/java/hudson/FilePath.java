// Stub of jenkinsci/jenkins core/src/main/java/hudson/FilePath.java
package hudson;

import hudson.model.Computer;
import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.jenkinsci.remoting.RoleSensitive;

/** Works offline on local paths only (constructors, getRemote, child, readToString, act), for tests. */
public final class FilePath implements Serializable {
    private final String remote;

    public FilePath(VirtualChannel channel, String remote) {
        this.remote = remote;
    }

    public FilePath(File localPath) {
        this.remote = localPath.getPath();
    }

    public FilePath(FilePath base, String rel) {
        this.remote = new File(base.remote, rel).getPath();
    }

    public String getRemote() {
        return remote;
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public FilePath child(String relOrAbsolute) {
        return new FilePath(this, relOrAbsolute);
    }

    public FilePath getParent() {
        throw new UnsupportedOperationException();
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public boolean delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public InputStream read() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public String readToString() throws IOException, InterruptedException {
        return java.nio.file.Files.readString(new File(remote).toPath());
    }

    public OutputStream write() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void write(String content, String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public FilePath createTextTempFile(String prefix, String suffix, String contents)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public List<FilePath> list() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException();
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException();
    }

    public Computer toComputer() {
        return null;
    }

    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        return callable.invoke(new File(remote), null);
    }

    public <V, E extends Throwable> V act(Callable<V, E> callable) throws IOException, InterruptedException, E {
        return callable.call();
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
