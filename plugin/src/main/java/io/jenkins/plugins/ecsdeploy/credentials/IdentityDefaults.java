package io.jenkins.plugins.ecsdeploy.credentials;

/**
 * The administrator's defaults from the global configuration, as the resolver needs them.
 *
 * @param region the default region, or null
 * @param credentialsId the default credentials id, or null (then the agent's own identity)
 * @param endpointUrl the default endpoint override, or null
 * @param allowControllerIdentity whether a step without credentials and without an agent may use the controller's
 *     own AWS identity
 */
public record IdentityDefaults(
        String region, String credentialsId, String endpointUrl, boolean allowControllerIdentity) {
    public static final IdentityDefaults NONE = new IdentityDefaults(null, null, null, false);
}
