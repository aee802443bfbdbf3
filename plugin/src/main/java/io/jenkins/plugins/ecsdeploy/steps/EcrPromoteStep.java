package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.ecr.PromoteRequest;
import dev.ecsdeploy.core.ecr.PushResult;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.operation.OperationStatus;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.exec.BuildLog;
import io.jenkins.plugins.ecsdeploy.exec.ShortCallExecution;
import io.jenkins.plugins.ecsdeploy.exec.StepServices;
import io.jenkins.plugins.ecsdeploy.history.BuildRecording;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code ecrPromote}: adds tags to an image already in ECR, by tag or digest, without pulling or pushing it. */
public class EcrPromoteStep extends AbstractEcsStep {
    private final String repository;
    private final String source;
    private final String tags;

    @DataBoundConstructor
    public EcrPromoteStep(String repository, String source, String tags) {
        this.repository = Fields.trim(repository);
        this.source = Fields.trim(source);
        this.tags = Fields.trim(tags);
    }

    public String getRepository() {
        return repository;
    }

    public String getSource() {
        return source;
    }

    public String getTags() {
        return tags;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        var target = target(context);
        return new ShortCallExecution(context, "promotion of " + repository + ":" + source, ctx -> {
            StepServices services = StepServices.current();
            AwsConnection connection = services.connect(ctx, target);
            BuildLog log = BuildLogs.of(ctx, connection.region().id(), null);
            try (AwsClients clients = services.openClients();
                    EcrImageManager images = EcrImageManager.builder()
                            .clients(clients)
                            .connection(connection)
                            .progressListener(log)
                            .clock(services.clock())
                            .build()) {
                BuildRecording recording =
                        ShortCallExecution.recording(ctx, connection.region().id());
                ImageRecords records = new ImageRecords();
                StartedOperation started =
                        recording.started(records, new ImageRecords.Asked(repository, Fields.list(tags)));
                PushResult result;
                try {
                    result = images.promote(PromoteRequest.of(repository, source, Fields.list(tags)));
                } catch (RuntimeException e) {
                    recording.ended(started, OperationStatus.FAILED, String.valueOf(e.getMessage()));
                    throw e;
                }
                AgentBuildPush.Outcome outcome =
                        new AgentBuildPush.Outcome(ImageResults.of(result), result, null, null);
                recording.finished(records, started, outcome);
                EcrBuildPushStep.markUnchanged(ctx, outcome);
                return outcome.result();
            }
        });
    }

    /** Registers the step and names it for Pipeline. */
    @Extension
    @Symbol("ecrPromote")
    public static class DescriptorImpl extends EcsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "ecrPromote";
        }

        @Override
        public String getDisplayName() {
            return "Add tags to an image in ECR";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
