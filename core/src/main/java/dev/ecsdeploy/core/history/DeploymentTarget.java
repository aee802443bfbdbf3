package dev.ecsdeploy.core.history;

import java.util.Objects;

/**
 * Where a deployment goes: one ECS service. History is keyed by it Jenkins-wide, so two jobs that deploy the same
 * service share its history. Account and region may be null for entries recorded before they were known.
 *
 * @param accountId the AWS account
 * @param region the AWS region
 * @param cluster the cluster name
 * @param service the service name
 */
public record DeploymentTarget(String accountId, String region, String cluster, String service) {
    public DeploymentTarget {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(service, "service");
    }

    /** Returns {@code account/region/cluster/service}, with {@code -} for an unknown part; usable in URLs. */
    public String key() {
        return orDash(accountId) + "/" + orDash(region) + "/" + cluster + "/" + service;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
