package io.jenkins.plugins.ecsdeploy.steps;

import hudson.AbortException;
import hudson.FilePath;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Reads files from the build's workspace, on whichever agent holds it. */
final class Workspace {
    private Workspace() {}

    static String read(StepContext context, String path) throws IOException, InterruptedException {
        return workspace(context).child(path).readToString();
    }

    static FilePath workspace(StepContext context) throws IOException, InterruptedException {
        FilePath workspace = context.get(FilePath.class);
        if (workspace == null) {
            throw new AbortException("this needs a workspace: run the step inside a node block");
        }
        return workspace;
    }
}
