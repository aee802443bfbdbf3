package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.aws.AwsClients;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Core's client factory as the plugin runs it: with the apache-client HTTP client that the aws-java-sdk2-core plugin
 * ships, so the .hpi bundles no SDK module.
 */
public final class PluginAwsClients {
    private PluginAwsClients() {}

    /** Clients whose timeouts run on {@code timeouts}, which the caller owns and shuts down. */
    public static AwsClients create(ScheduledExecutorService timeouts) {
        return AwsClients.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .timeoutScheduler(timeouts)
                .build();
    }

    /** Clients with the SDK's own timeout threads: for short-lived use, such as one build on an agent. */
    public static AwsClients create() {
        return AwsClients.create(ApacheHttpClient.builder());
    }
}
