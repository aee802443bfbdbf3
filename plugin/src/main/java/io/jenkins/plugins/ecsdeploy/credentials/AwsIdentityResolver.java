package io.jenkins.plugins.ecsdeploy.credentials;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import dev.ecsdeploy.core.aws.AwsConnection;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Turns a step's {@link AwsIdentityRequest} into a core {@link AwsConnection}: region and endpoint (the step's, else
 * the global defaults), and a credentials provider.
 *
 * <ul>
 *   <li>With a credentials id: an aws-credentials credential is itself the provider; a username/password credential
 *       holds an access key id and a secret access key. Each use is tracked.
 *   <li>Without one: the default credential chain <em>of the agent</em> the step runs on. The controller's own
 *       identity only when the administrator allowed it, never as a silent fallback for a missing agent.
 *   <li>With a role: the role is assumed on top, through the SDK's refreshing STS provider, so a deploy that
 *       outlives the role session keeps working.
 * </ul>
 *
 * Everything Jenkins-specific sits behind {@link CredentialsLookup} and {@link AgentIdentity};
 * {@link JenkinsAwsIdentity} wires them inside Jenkins.
 */
public final class AwsIdentityResolver {
    static final String DEFAULT_SESSION_NAME = "jenkins-ecs-deploy";
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final int MIN_SESSION_SECONDS = 900;
    private static final int MAX_SESSION_SECONDS = 43_200;

    private final IdentityDefaults defaults;
    private final CredentialsLookup credentials;
    private final AgentIdentity agent;
    private final Supplier<AwsCredentialsProvider> controllerChain;
    private final Function<AwsConnection, StsClient> stsClients;
    private final Clock clock;

    /**
     * @param controllerChain the controller's own default chain, used only when the administrator allowed it
     * @param stsClients builds the STS client that assumes roles (core's {@code AwsClients::sts} in Jenkins)
     */
    public AwsIdentityResolver(
            IdentityDefaults defaults,
            CredentialsLookup credentials,
            AgentIdentity agent,
            Supplier<AwsCredentialsProvider> controllerChain,
            Function<AwsConnection, StsClient> stsClients,
            Clock clock) {
        this.defaults = defaults;
        this.credentials = credentials;
        this.agent = agent;
        this.controllerChain = controllerChain;
        this.stsClients = stsClients;
        this.clock = clock;
    }

    /** The controller's default chain, for the {@code controllerChain} parameter. */
    public static AwsCredentialsProvider controllerDefaultChain() {
        return DefaultCredentialsProvider.builder().build();
    }

    public AwsConnection resolve(AwsIdentityRequest request) throws IOException, InterruptedException {
        Region region = region(request);
        URI endpoint = endpoint(request);
        AwsConnection base = withEndpoint(AwsConnection.of(region, baseCredentials(request)), endpoint);
        if (request.getRoleArn() == null) {
            return base;
        }
        return withEndpoint(AwsConnection.of(region, assumeRole(request, base)), endpoint);
    }

    private Region region(AwsIdentityRequest request) throws AwsIdentityException {
        String region = request.getRegion() != null ? request.getRegion() : defaults.region();
        if (region == null || region.isBlank()) {
            throw new AwsIdentityException("No AWS region: set region on the step or in withEcsEnvironment, or a"
                    + " default region under Manage Jenkins > System > Amazon ECS Deploy");
        }
        return Region.of(region.trim());
    }

    private URI endpoint(AwsIdentityRequest request) throws AwsIdentityException {
        String url = request.getEndpointUrl() != null ? request.getEndpointUrl() : defaults.endpointUrl();
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(url, "an absolute http(s) URL is required");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new AwsIdentityException("The endpoint URL '" + url + "' is not an absolute URL: " + e.getReason());
        }
    }

    private static AwsConnection withEndpoint(AwsConnection connection, URI endpoint) {
        return endpoint == null ? connection : connection.withEndpointOverride(endpoint);
    }

    private AwsCredentialsProvider baseCredentials(AwsIdentityRequest request)
            throws IOException, InterruptedException {
        String id = request.getCredentialsId() != null ? request.getCredentialsId() : defaults.credentialsId();
        if (id != null && !id.isBlank()) {
            return fromCredentials(id.trim());
        }
        if (!agent.isController()) {
            return AgentChainCredentialsProvider.fetch(agent, clock);
        }
        if (defaults.allowControllerIdentity()) {
            return controllerChain.get();
        }
        throw new AwsIdentityException("No AWS credentials: the step has no credentialsId and runs on the"
                + " controller, whose own AWS identity is not used unless an administrator allows it. Set"
                + " credentialsId, run the step inside node { } on an agent with an AWS identity, or allow the"
                + " controller identity under Manage Jenkins > System > Amazon ECS Deploy");
    }

    private AwsCredentialsProvider fromCredentials(String id) throws AwsIdentityException {
        StandardCredentials found = credentials.find(id);
        if (found == null) {
            throw new AwsIdentityException("Cannot find credentials with id '" + id + "' for this build");
        }
        AwsCredentialsProvider provider = toProvider(id, found);
        credentials.track(found);
        return provider;
    }

    static AwsCredentialsProvider toProvider(String id, StandardCredentials found) throws AwsIdentityException {
        if (found instanceof AmazonWebServicesCredentials aws) {
            return aws;
        }
        if (found instanceof StandardUsernamePasswordCredentials keys) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    keys.getUsername(), keys.getPassword().getPlainText()));
        }
        throw new AwsIdentityException("Credentials '" + id + "' are neither AWS credentials nor a username with"
                + " password (access key id and secret access key)");
    }

    private AwsCredentialsProvider assumeRole(AwsIdentityRequest request, AwsConnection base)
            throws AwsIdentityException {
        AssumeRoleRequest.Builder assume = AssumeRoleRequest.builder()
                .roleArn(request.getRoleArn())
                .roleSessionName(sessionName(request))
                .externalId(request.getExternalId());
        Integer seconds = request.getRoleSessionDurationSeconds();
        if (seconds != null) {
            if (seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
                throw new AwsIdentityException("roleSessionDuration must be between " + MIN_SESSION_SECONDS + " and "
                        + MAX_SESSION_SECONDS + " seconds: " + seconds);
            }
            assume.durationSeconds(seconds);
        }
        // Refreshes on the calling thread shortly before the session ends: no background thread per deployment.
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(stsClients.apply(base))
                .refreshRequest(assume.build())
                .asyncCredentialUpdateEnabled(false)
                .build();
    }

    private static String sessionName(AwsIdentityRequest request) throws AwsIdentityException {
        String name = request.getRoleSessionName() != null ? request.getRoleSessionName() : DEFAULT_SESSION_NAME;
        if (!SESSION_NAME.matcher(name).matches()) {
            throw new AwsIdentityException(
                    "roleSessionName must be 2 to 64 characters of letters, digits and" + " +=,.@_- : " + name);
        }
        return name;
    }

    /** A role session name from a build id such as {@code folder/app#12}: only the characters STS accepts. */
    public static String sessionNameFor(String buildId) {
        String cleaned = ("jenkins-" + buildId).replaceAll("[^\\w+=,.@-]", "-");
        return cleaned.length() <= 64 ? cleaned : cleaned.substring(cleaned.length() - 64);
    }
}
