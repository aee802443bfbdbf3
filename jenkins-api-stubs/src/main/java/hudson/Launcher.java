// Stub of jenkinsci/jenkins core/src/main/java/hudson/Launcher.java
package hudson;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

public abstract class Launcher {
    public final ProcStarter launch() {
        throw new UnsupportedOperationException();
    }

    public abstract Proc launch(ProcStarter starter) throws IOException;

    public boolean isUnix() {
        throw new UnsupportedOperationException();
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException();
    }

    public TaskListener getListener() {
        throw new UnsupportedOperationException();
    }

    public abstract void kill(Map<String, String> modelEnvVars) throws IOException, InterruptedException;

    /** Non-static, like the real one. */
    public final class ProcStarter {
        public ProcStarter cmds(String... args) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter masks(boolean... masks) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter envs(Map<String, String> overrides) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter envs(String... overrides) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter pwd(FilePath workDir) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter pwd(String workDir) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter stdout(OutputStream out) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter stdout(TaskListener out) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter stderr(OutputStream err) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter stdin(InputStream in) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter quiet(boolean quiet) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter readStdout() {
            throw new UnsupportedOperationException();
        }

        public ProcStarter readStderr() {
            throw new UnsupportedOperationException();
        }

        public ProcStarter writeStdin() {
            throw new UnsupportedOperationException();
        }

        public Proc start() throws IOException {
            throw new UnsupportedOperationException();
        }

        public int join() throws IOException, InterruptedException {
            throw new UnsupportedOperationException();
        }
    }
}
