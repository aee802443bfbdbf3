package io.jenkins.plugins.ecsdeploy.config;

import dev.ecsdeploy.core.history.RetentionPolicy;
import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.ecsdeploy.credentials.CredentialsIdField;
import io.jenkins.plugins.ecsdeploy.credentials.IdentityDefaults;
import io.jenkins.plugins.ecsdeploy.util.JenkinsFacade;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins &gt; System &gt; Amazon ECS Deploy: the defaults every step falls back to, whether the controller's
 * own AWS identity may be used, and the environments in promotion order. Configuration as Code sees it as
 * {@code unclassified: ecsDeploy:} with one key per setter.
 */
@Extension
@Symbol("ecsDeploy")
public class EcsDeployGlobalConfiguration extends GlobalConfiguration {
    static final String DEFAULT_ENVIRONMENTS = "dev, staging, prod";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private String region;
    private String credentialsId;
    private String endpointUrl;
    private boolean allowControllerIdentity;
    private String environments = DEFAULT_ENVIRONMENTS;
    private int historyMaxAgeDays;
    private int historyMaxPerTarget;

    private transient JenkinsFacade jenkins;
    private transient CredentialsIdField credentialsField;

    public EcsDeployGlobalConfiguration() {
        this(new JenkinsFacade(), CredentialsIdField.inJenkins());
        load();
    }

    EcsDeployGlobalConfiguration(JenkinsFacade jenkins, CredentialsIdField credentialsField) {
        this.jenkins = jenkins;
        this.credentialsField = credentialsField;
    }

    /** The registered instance. */
    public static EcsDeployGlobalConfiguration get() {
        return new JenkinsFacade().getDescriptor(EcsDeployGlobalConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "Amazon ECS Deploy";
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = trimToNull(region);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = trimToNull(credentialsId);
        save();
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = trimToNull(endpointUrl);
        save();
    }

    public boolean isAllowControllerIdentity() {
        return allowControllerIdentity;
    }

    @DataBoundSetter
    public void setAllowControllerIdentity(boolean allowControllerIdentity) {
        this.allowControllerIdentity = allowControllerIdentity;
        save();
    }

    /** The environment names in promotion order, comma-separated, for example {@code dev, staging, prod}. */
    public String getEnvironments() {
        return environments;
    }

    @DataBoundSetter
    public void setEnvironments(String environments) {
        this.environments = trimToNull(environments) == null ? DEFAULT_ENVIRONMENTS : environments.trim();
        save();
    }

    /** The environments in promotion order: the first is deployed first, the last is production. */
    public List<String> getEnvironmentNames() {
        return parseEnvironments(environments);
    }

    /** Days of deployment history to keep; 0 keeps every entry. What runs now is kept however old. */
    public int getHistoryMaxAgeDays() {
        return historyMaxAgeDays;
    }

    @DataBoundSetter
    public void setHistoryMaxAgeDays(int historyMaxAgeDays) {
        this.historyMaxAgeDays = Math.max(0, historyMaxAgeDays);
        save();
    }

    /** Entries to keep per deployment target; 0 keeps every entry. What runs now is kept whatever the count. */
    public int getHistoryMaxPerTarget() {
        return historyMaxPerTarget;
    }

    @DataBoundSetter
    public void setHistoryMaxPerTarget(int historyMaxPerTarget) {
        this.historyMaxPerTarget = Math.max(0, historyMaxPerTarget);
        save();
    }

    /** The retention the Jenkins-wide history is compacted to. */
    public RetentionPolicy historyRetention() {
        return new RetentionPolicy(
                historyMaxAgeDays > 0 ? Duration.ofDays(historyMaxAgeDays) : null, historyMaxPerTarget);
    }

    /** The defaults as the credentials resolver needs them. */
    public IdentityDefaults identityDefaults() {
        return new IdentityDefaults(region, credentialsId, endpointUrl, allowControllerIdentity);
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        return credentialsField().fill(null, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        return credentialsField().check(null, value);
    }

    @POST
    public FormValidation doCheckRegion(@QueryParameter String value) {
        jenkins().checkPermission(Jenkins.ADMINISTER);
        String region = trimToNull(value);
        if (region == null) {
            return FormValidation.warning("Without a default region, every step must name one");
        }
        return REGION.matcher(region).matches()
                ? FormValidation.ok()
                : FormValidation.error("Not an AWS region name such as eu-west-1: " + region);
    }

    @POST
    public FormValidation doCheckEndpointUrl(@QueryParameter String value) {
        jenkins().checkPermission(Jenkins.ADMINISTER);
        String url = trimToNull(value);
        if (url == null) {
            return FormValidation.ok();
        }
        try {
            URI uri = new URI(url);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return http && uri.getHost() != null
                    ? FormValidation.ok()
                    : FormValidation.error("Not an absolute http(s) URL: " + url);
        } catch (URISyntaxException e) {
            return FormValidation.error("Not a URL: " + e.getReason());
        }
    }

    @POST
    public FormValidation doCheckEnvironments(@QueryParameter String value) {
        jenkins().checkPermission(Jenkins.ADMINISTER);
        List<String> names = parseEnvironments(trimToNull(value) == null ? DEFAULT_ENVIRONMENTS : value);
        for (String name : names) {
            if (!ENVIRONMENT.matcher(name).matches()) {
                return FormValidation.error("Not an environment name (letters, digits, '.', '_', '-'): " + name);
            }
        }
        if (new HashSet<>(names).size() != names.size()) {
            return FormValidation.error("An environment is named twice");
        }
        return FormValidation.ok();
    }

    static List<String> parseEnvironments(String text) {
        return Arrays.stream(text.split("[,\\s]+"))
                .filter(name -> !name.isEmpty())
                .toList();
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    // XStream does not run constructors, so the transient seams come back lazily after a restart.
    private JenkinsFacade jenkins() {
        if (jenkins == null) {
            jenkins = new JenkinsFacade();
        }
        return jenkins;
    }

    private CredentialsIdField credentialsField() {
        if (credentialsField == null) {
            credentialsField = CredentialsIdField.inJenkins();
        }
        return credentialsField;
    }
}
