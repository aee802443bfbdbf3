package io.jenkins.plugins.ecsdeploy.credentials;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a step asks for: the region, the credentials id, the role and the endpoint it was configured with. It holds
 * ids only, never a secret, so an execution may persist it and resolve it again after a restart. Every field may be
 * null or blank, meaning "use the global default" (or, for credentials, the agent's own identity).
 */
public final class AwsIdentityRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String region;
    private final String credentialsId;
    private final String roleArn;
    private final String externalId;
    private final String roleSessionName;
    private final Integer roleSessionDurationSeconds;
    private final String endpointUrl;

    public AwsIdentityRequest(
            String region,
            String credentialsId,
            String roleArn,
            String externalId,
            String roleSessionName,
            Integer roleSessionDurationSeconds,
            String endpointUrl) {
        this.region = trimToNull(region);
        this.credentialsId = trimToNull(credentialsId);
        this.roleArn = trimToNull(roleArn);
        this.externalId = trimToNull(externalId);
        this.roleSessionName = trimToNull(roleSessionName);
        this.roleSessionDurationSeconds = roleSessionDurationSeconds;
        this.endpointUrl = trimToNull(endpointUrl);
    }

    public String getRegion() {
        return region;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    public Integer getRoleSessionDurationSeconds() {
        return roleSessionDurationSeconds;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    /** This request with the role session name set, unless the step already named one. */
    public AwsIdentityRequest withDefaultSessionName(String sessionName) {
        if (roleSessionName != null) {
            return this;
        }
        return new AwsIdentityRequest(
                region, credentialsId, roleArn, externalId, sessionName, roleSessionDurationSeconds, endpointUrl);
    }

    static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AwsIdentityRequest that
                && Objects.equals(region, that.region)
                && Objects.equals(credentialsId, that.credentialsId)
                && Objects.equals(roleArn, that.roleArn)
                && Objects.equals(externalId, that.externalId)
                && Objects.equals(roleSessionName, that.roleSessionName)
                && Objects.equals(roleSessionDurationSeconds, that.roleSessionDurationSeconds)
                && Objects.equals(endpointUrl, that.endpointUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, credentialsId, roleArn, externalId, roleSessionName, endpointUrl);
    }

    @Override
    public String toString() {
        return "AwsIdentityRequest[region=" + region + ", credentialsId=" + credentialsId + ", roleArn=" + roleArn
                + ", roleSessionName=" + roleSessionName + ", endpointUrl=" + endpointUrl + "]";
    }
}
