package io.jenkins.plugins.ecsdeploy.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.exec.BuildLog;
import io.jenkins.plugins.ecsdeploy.exec.SecretMasker;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** The build log of a short step. */
final class BuildLogs {
    private BuildLogs() {}

    static BuildLog of(StepContext context, String region, String cluster) throws IOException, InterruptedException {
        return new BuildLog(context.get(TaskListener.class).getLogger(), SecretMasker.of(List.of()), region, cluster);
    }
}
