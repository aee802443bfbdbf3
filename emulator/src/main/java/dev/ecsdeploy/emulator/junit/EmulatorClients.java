package dev.ecsdeploy.emulator.junit;

import dev.ecsdeploy.emulator.Emulator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Ordinary AWS SDK clients pointed at an emulator: a fixed region, static test credentials and the endpoint
 * override, nothing else changed. The clients sign, serialise and retry exactly as against AWS. Each client also
 * checks every answer against the SDK's model ({@link SdkModelConformance}), so every test through these clients
 * also tests the emulator's fidelity.
 */
public final class EmulatorClients implements AutoCloseable {
    private final Emulator emulator;
    private final Consumer<ClientOverrideConfiguration.Builder> overrides;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private EcsClient ecs;
    private EcrClient ecr;
    private CloudWatchLogsClient logs;
    private StsClient sts;

    public EmulatorClients(Emulator emulator) {
        this(emulator, builder -> {});
    }

    public EmulatorClients(Emulator emulator, Consumer<ClientOverrideConfiguration.Builder> overrides) {
        this.emulator = emulator;
        this.overrides = overrides;
    }

    public synchronized EcsClient ecs() {
        if (ecs == null) {
            ecs = track(configure(EcsClient.builder()).build());
        }
        return ecs;
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = track(configure(EcrClient.builder()).build());
        }
        return ecr;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = track(configure(CloudWatchLogsClient.builder()).build());
        }
        return logs;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = track(configure(StsClient.builder()).build());
        }
        return sts;
    }

    /** Applies the emulator's endpoint, region and credentials to any SDK client builder. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Emulator.ACCESS_KEY_ID, Emulator.SECRET_ACCESS_KEY)))
                .overrideConfiguration(configuration -> {
                    if (!Boolean.getBoolean(SdkModelConformance.OFF)) {
                        configuration.addExecutionInterceptor(new SdkModelConformance());
                    }
                    overrides.accept(configuration);
                });
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    private <T extends AutoCloseable> T track(T client) {
        opened.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : opened) {
            try {
                client.close();
            } catch (Exception ignored) {
                // Closing a client only releases connections; nothing to report in a test.
            }
        }
        opened.clear();
        ecs = null;
        ecr = null;
        logs = null;
        sts = null;
    }
}
