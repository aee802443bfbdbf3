package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What executions need from their surroundings: an AWS connection for the build, clients, the poll scheduler and a
 * clock. In Jenkins this is {@link JenkinsStepServices}; tests install one that points at the emulator. Executions
 * never keep it: they look it up again after a restart.
 */
public interface StepServices {
    /** Resolves region, credentials and endpoint for {@code target} in the context of the running build. */
    AwsConnection connect(StepContext context, AwsTarget target) throws IOException, InterruptedException;

    /**
     * New clients for one operation or call; the caller closes them. Their call timeouts share one small pool, so
     * the thread count does not grow with the number of deployments.
     */
    AwsClients openClients();

    PollScheduler scheduler();

    /** Where short calls run (builds, promotions, dry runs): separate from the polls, so a long build delays none. */
    ExecutorService shortCalls();

    Clock clock();

    /** The services in use: Jenkins' unless a test installed others. */
    static StepServices current() {
        return Installed.current();
    }

    /** Replaces the services for tests and benchmarks; {@code null} restores Jenkins'. */
    static void install(StepServices services) {
        Installed.install(services);
    }

    /** Holds the installed services. */
    final class Installed {
        private static volatile StepServices installed;

        private Installed() {}

        static StepServices current() {
            StepServices services = installed;
            return services != null ? services : JenkinsStepServices.instance();
        }

        static void install(StepServices services) {
            installed = services;
        }
    }
}
