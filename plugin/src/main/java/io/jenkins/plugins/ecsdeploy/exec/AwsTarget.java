package io.jenkins.plugins.ecsdeploy.exec;

import java.io.Serializable;

/**
 * Where and as whom a step calls AWS, as the step was configured: the fields every step shares. Small and
 * serializable, so a resumed execution reconnects with the same identity; it never holds a secret, only ids.
 *
 * @param roleSessionDuration seconds, or null for the STS default
 * @param endpointUrl an endpoint override (a VPC endpoint, LocalStack, the ecs-deploy emulator), or null
 */
public record AwsTarget(
        String region,
        String credentialsId,
        String roleArn,
        String externalId,
        String roleSessionName,
        Integer roleSessionDuration,
        String endpointUrl)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** This target with every unset field taken from {@code defaults} (an enclosing withEcsEnvironment). */
    public AwsTarget orElse(AwsTarget defaults) {
        if (defaults == null) {
            return this;
        }
        return new AwsTarget(
                first(region, defaults.region),
                first(credentialsId, defaults.credentialsId),
                first(roleArn, defaults.roleArn),
                first(externalId, defaults.externalId),
                first(roleSessionName, defaults.roleSessionName),
                roleSessionDuration != null ? roleSessionDuration : defaults.roleSessionDuration,
                first(endpointUrl, defaults.endpointUrl));
    }

    static String first(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
