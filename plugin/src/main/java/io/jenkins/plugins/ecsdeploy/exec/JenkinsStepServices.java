package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** The services inside Jenkins: one client cache and one poll scheduler for the whole controller. */
final class JenkinsStepServices implements StepServices {
    private static final JenkinsStepServices INSTANCE = new JenkinsStepServices();

    private final ScheduledExecutorService sdkTimeouts = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "ecs-deploy-sdk-timeouts");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService shortCalls = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ecs-deploy-call");
        thread.setDaemon(true);
        return thread;
    });
    /** The STS clients that assume roles; one per base identity, for the controller's lifetime. */
    private final AwsClients stsClients = PluginAwsClients.create(sdkTimeouts);

    static JenkinsStepServices instance() {
        return INSTANCE;
    }

    @Override
    public AwsConnection connect(StepContext context, AwsTarget target) throws IOException, InterruptedException {
        return StepConnections.resolve(context, target, stsClients);
    }

    @Override
    public AwsClients openClients() {
        return PluginAwsClients.create(sdkTimeouts);
    }

    @Override
    public PollScheduler scheduler() {
        return ExecutorPollScheduler.shared();
    }

    @Override
    public ExecutorService shortCalls() {
        return shortCalls;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
