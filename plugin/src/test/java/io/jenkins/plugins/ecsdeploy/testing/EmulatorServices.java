package io.jenkins.plugins.ecsdeploy.testing;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.emulator.Emulator;
import io.jenkins.plugins.ecsdeploy.exec.AwsTarget;
import io.jenkins.plugins.ecsdeploy.exec.ExecutorPollScheduler;
import io.jenkins.plugins.ecsdeploy.exec.PluginAwsClients;
import io.jenkins.plugins.ecsdeploy.exec.PollScheduler;
import io.jenkins.plugins.ecsdeploy.exec.StepServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Step services on the emulator: every step connects to it, polls run on the plugin's own scheduler with delays
 * scaled by the emulator's speed, and the clock is the emulator's. {@link #restart()} plays a controller restart:
 * the old scheduler stops, a new one takes over.
 */
public final class EmulatorServices implements StepServices, AutoCloseable {
    private final Emulator emulator;
    private final int threads;
    private final ScheduledExecutorService sdkTimeouts = Executors.newScheduledThreadPool(2);
    private final List<AwsClients> opened = new CopyOnWriteArrayList<>();
    private final ExecutorService shortCalls = Executors.newCachedThreadPool();
    private final List<AwsTarget> targets = new CopyOnWriteArrayList<>();
    private volatile ExecutorPollScheduler scheduler;
    private volatile PollScheduler wrapper;

    private EmulatorServices(Emulator emulator, int threads) {
        this.emulator = emulator;
        this.threads = threads;
        this.scheduler = new ExecutorPollScheduler(threads, emulator.clock().speed());
    }

    /** Creates the services and installs them for every step. */
    public static EmulatorServices install(Emulator emulator, int threads) {
        EmulatorServices services = new EmulatorServices(emulator, threads);
        StepServices.install(services);
        return services;
    }

    public static AwsConnection connection(Emulator emulator) {
        return AwsConnection.of(
                        Region.of(emulator.region()),
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(Emulator.ACCESS_KEY_ID, Emulator.SECRET_ACCESS_KEY)))
                .withEndpointOverride(emulator.endpoint());
    }

    @Override
    public AwsConnection connect(StepContext context, AwsTarget target) {
        targets.add(target);
        return connection(emulator);
    }

    /** The targets steps asked to connect to, in order. */
    public List<AwsTarget> targets() {
        return List.copyOf(targets);
    }

    @Override
    public AwsClients openClients() {
        AwsClients clients = PluginAwsClients.create(sdkTimeouts);
        opened.add(clients);
        return clients;
    }

    @Override
    public PollScheduler scheduler() {
        PollScheduler wrapped = wrapper;
        return wrapped != null ? wrapped : scheduler;
    }

    /** Puts a wrapper (a measuring one) in front of the scheduler of the installed services. */
    public static void replaceScheduler(PollScheduler wrapping) {
        ((EmulatorServices) StepServices.current()).wrapper = wrapping;
    }

    public ExecutorPollScheduler pollScheduler() {
        return scheduler;
    }

    @Override
    public ExecutorService shortCalls() {
        return shortCalls;
    }

    @Override
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return emulator.now();
            }
        };
    }

    /** Stops the current scheduler as a shutting-down controller would, and starts a fresh one. */
    public void restart() throws InterruptedException {
        scheduler.quiesce(Duration.ofSeconds(30));
        scheduler = new ExecutorPollScheduler(threads, emulator.clock().speed());
    }

    @Override
    public void close() {
        StepServices.install(null);
        scheduler.close();
        shortCalls.shutdownNow();
        opened.forEach(AwsClients::close);
        sdkTimeouts.shutdownNow();
    }
}
