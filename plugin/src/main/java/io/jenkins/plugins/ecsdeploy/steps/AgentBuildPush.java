package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuildSecret;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.ecr.LifecyclePolicies;
import dev.ecsdeploy.core.ecr.PushResult;
import dev.ecsdeploy.core.ecr.RepositorySpec;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import dev.ecsdeploy.core.ecr.scan.AllowListEntry;
import dev.ecsdeploy.core.ecr.scan.FindingSeverity;
import dev.ecsdeploy.core.ecr.scan.ScanGate;
import dev.ecsdeploy.core.ecr.scan.ScanRequest;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.ecr.scan.ScanVerdict;
import dev.ecsdeploy.core.operation.Sleeper;
import dev.ecsdeploy.core.source.GitCommits;
import dev.ecsdeploy.core.source.SourceCommit;
import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.exec.BuildLog;
import io.jenkins.plugins.ecsdeploy.exec.PluginAwsClients;
import io.jenkins.plugins.ecsdeploy.exec.SecretMasker;
import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jenkins.security.MasterToSlaveCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The image build, run on the agent that holds the workspace: core builds with the agent's own tools and pushes to
 * ECR, then (if asked) waits for the scan and applies the gate. The credentials travel as a short-lived snapshot over
 * the agent channel, never in a command line or a file.
 */
final class AgentBuildPush extends MasterToSlaveCallable<AgentBuildPush.Outcome, Exception> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Settings settings;
    private final Access access;
    private final String workspace;
    private final TaskListener listener;

    AgentBuildPush(Settings settings, Access access, String workspace, TaskListener listener) {
        this.settings = settings;
        this.access = access;
        this.workspace = workspace;
        this.listener = listener;
    }

    @Override
    public Outcome call() throws Exception {
        if (settings.scan() && settings.scanTimeout() != null) {
            // Refused before the push, not after it has moved the tags.
            ScanRequest.requireTimeout(Duration.ofMinutes(settings.scanTimeout()));
        }
        BuildLog log = new BuildLog(
                listener.getLogger(),
                SecretMasker.of(new ArrayList<>(settings.secretValues().values())),
                access.region(),
                null);
        try (AwsClients clients = PluginAwsClients.create();
                EcrImageManager images = EcrImageManager.builder()
                        .clients(clients)
                        .connection(access.connection())
                        .commandRunner(new LocalCommandRunner())
                        .progressListener(log)
                        .toolEnvironment(settings.secretValues())
                        .build()) {
            BuildPushRequest request = request(Path.of(workspace));
            PushResult pushed = images.buildAndPush(request);
            Map<String, Object> result = new LinkedHashMap<>(ImageResults.of(pushed));
            ScanResult scan = null;
            if (settings.scan()) {
                scan = images.scanWait().run(scanRequest(pushed), log, point -> null, Sleeper.REAL);
                report(scan, result, log);
            }
            return new Outcome(
                    result, pushed, scan, settings.scan() ? gate() : null, request.revision(), committedAt(request));
        }
    }

    /** When the revision was committed, read with git in the build context on this agent; null when unknown. */
    private static Instant committedAt(BuildPushRequest request) {
        return request.revision() == null
                ? null
                : new GitCommits(new LocalCommandRunner())
                        .committedAt(request.contextDirectory(), request.revision())
                        .orElse(null);
    }

    BuildPushRequest request(Path workspaceRoot) {
        Path contextDirectory = workspaceRoot.resolve(settings.context()).normalize();
        BuildPushRequest.Builder request = BuildPushRequest.builder()
                .repository(repository(workspaceRoot))
                .tags(settings.tags())
                .builderKind(
                        settings.builder() == null
                                ? BuilderKind.AUTO
                                : BuilderKind.valueOf(settings.builder().trim().toUpperCase(Locale.ROOT)))
                .contextDirectory(contextDirectory)
                .target(settings.target())
                .platforms(settings.platforms())
                .noCache(settings.noCache())
                .pull(settings.pull())
                .revision(settings.revision());
        if (settings.dockerfile() != null) {
            request.dockerfile(contextDirectory.resolve(settings.dockerfile()));
        }
        settings.buildArgs().forEach(request::putBuildArg);
        settings.labels().forEach(request::putLabel);
        settings.cacheFrom().forEach(request::addCacheFrom);
        settings.cacheTo().forEach(request::addCacheTo);
        settings.secretVariables().forEach((id, variable) -> request.addSecret(BuildSecret.env(id, variable)));
        return request.build();
    }

    RepositorySpec repository(Path workspaceRoot) {
        boolean settingsGiven =
                settings.scanOnPush() != null || settings.immutableTags() != null || settings.lifecyclePolicy() != null;
        return RepositorySpec.builder()
                .name(settings.repository())
                .createIfMissing(settings.createRepository())
                .applyChanges(settingsGiven)
                .scanOnPush(settings.scanOnPush())
                .immutableTags(settings.immutableTags())
                .encryption(encryption())
                .lifecyclePolicy(
                        settings.lifecyclePolicy() == null
                                ? null
                                : LifecyclePolicies.fromFile(workspaceRoot.resolve(settings.lifecyclePolicy())))
                .build();
    }

    private RepositorySpec.Encryption encryption() {
        if (settings.encryption() == null) {
            return settings.kmsKey() == null ? null : RepositorySpec.Encryption.kms(settings.kmsKey());
        }
        return new RepositorySpec.Encryption(settings.encryption().toUpperCase(Locale.ROOT), settings.kmsKey());
    }

    ScanRequest scanRequest(PushResult pushed) {
        ScanRequest request =
                ScanRequest.of(settings.repository(), pushed.digest()).withGate(gate());
        if (settings.scanTimeout() != null || settings.scanTimeoutAction() != null) {
            request = request.withTimeout(
                    settings.scanTimeout() == null
                            ? ScanRequest.DEFAULT_TIMEOUT
                            : Duration.ofMinutes(settings.scanTimeout()),
                    ScanVerdict.parse(settings.scanTimeoutAction() == null ? "fail" : settings.scanTimeoutAction()));
        }
        return request;
    }

    ScanGate gate() {
        Map<FindingSeverity, Integer> thresholds = new EnumMap<>(FindingSeverity.class);
        EcsRunTaskStep.variables(settings.scanThresholds() == null ? "" : settings.scanThresholds())
                .forEach((severity, limit) -> thresholds.put(
                        FindingSeverity.valueOf(severity.toUpperCase(Locale.ROOT)), Integer.valueOf(limit)));
        List<AllowListEntry> allowList =
                settings.allowList().stream().map(AllowListEntry::of).toList();
        return ScanGate.of(thresholds, allowList);
    }

    private static void report(ScanResult scan, Map<String, Object> result, BuildLog log) {
        result.put("scanStatus", scan.outcome().name());
        result.put("scanVerdict", scan.verdict().name());
        Map<String, Object> counts = new LinkedHashMap<>();
        scan.findings().ifPresent(report -> report.severityCounts().forEach((s, c) -> counts.put(s.name(), c)));
        result.put("scanCounts", counts);
        log.info("scan " + scan.outcome() + ": " + scan.message());
    }

    /**
     * What the agent sends back: the step's value, and the push, scan and gate the controller records in the
     * history before it fails the step on a broken gate (the history lives on the controller).
     */
    record Outcome(
            Map<String, Object> result,
            PushResult pushed,
            ScanResult scan,
            ScanGate gate,
            String revision,
            Instant revisionCommittedAt)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        /** An outcome without a known commit, such as a promotion's. */
        Outcome(Map<String, Object> result, PushResult pushed, ScanResult scan, ScanGate gate) {
            this(result, pushed, scan, gate, null, null);
        }

        /** The commit the image was built from, or null when none was given. */
        SourceCommit commit() {
            return revision == null ? null : new SourceCommit(revision, revisionCommittedAt);
        }

        /** Fails the step when the scan broke the gate. */
        Map<String, Object> resultOrGateFailure() throws AbortException {
            if (scan != null && scan.verdict() == ScanVerdict.FAIL) {
                throw new AbortException("image scan gate failed: " + scan.message());
            }
            return result;
        }
    }

    /**
     * Everything the agent builds with.
     *
     * @param secretVariables build secret id → environment variable that holds it
     * @param secretValues environment variable → value, taken from the step's environment (withCredentials)
     */
    record Settings(
            String repository,
            String context,
            String dockerfile,
            List<String> tags,
            Map<String, String> buildArgs,
            String target,
            List<String> platforms,
            Map<String, String> labels,
            List<String> cacheFrom,
            List<String> cacheTo,
            boolean noCache,
            boolean pull,
            String builder,
            Map<String, String> secretVariables,
            Map<String, String> secretValues,
            boolean createRepository,
            Boolean scanOnPush,
            Boolean immutableTags,
            String encryption,
            String kmsKey,
            String lifecyclePolicy,
            boolean scan,
            String scanThresholds,
            List<String> allowList,
            Integer scanTimeout,
            String scanTimeoutAction,
            String revision)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "Settings[repository=" + repository + ", tags=" + tags + ", secrets=" + secretVariables.keySet()
                    + "]";
        }
    }

    /** Region, endpoint and a snapshot of the credentials, for the agent. */
    record Access(String region, String endpointUrl, String accessKeyId, String secretAccessKey, String sessionToken)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        static Access snapshot(AwsConnection connection) {
            AwsCredentials credentials = connection.credentials().resolveCredentials();
            String token = credentials instanceof AwsSessionCredentials session ? session.sessionToken() : null;
            return new Access(
                    connection.region().id(),
                    connection.endpointOverride().map(URI::toString).orElse(null),
                    credentials.accessKeyId(),
                    credentials.secretAccessKey(),
                    token);
        }

        AwsConnection connection() {
            AwsCredentialsProvider provider = StaticCredentialsProvider.create(
                    sessionToken == null
                            ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                            : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
            AwsConnection connection = AwsConnection.of(Region.of(region), provider);
            return Optional.ofNullable(endpointUrl)
                    .map(URI::create)
                    .map(connection::withEndpointOverride)
                    .orElse(connection);
        }

        @Override
        public String toString() {
            return "Access[region=" + region + ", endpoint=" + endpointUrl + ", accessKeyId=" + accessKeyId + "]";
        }
    }
}
