package dev.ecsdeploy.core.report;

import dev.ecsdeploy.core.ecr.EcrRegistryHost;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Builds AWS console URLs for ECS and ECR resources in the right partition: {@code console.aws.amazon.com}, the
 * China console for {@code cn-} regions and the GovCloud console for {@code us-gov-} regions. Names given as ARNs
 * are reduced to their last part. Every method answers empty when a part is missing.
 */
public final class ConsoleLinks {
    private ConsoleLinks() {}

    /** Returns the console page of a cluster's services. */
    public static Optional<String> cluster(String region, String cluster) {
        return all(region, cluster).map(ok -> ecs(region, "clusters/" + segment(name(cluster)) + "/services"));
    }

    /** Returns the console page of a service's health. */
    public static Optional<String> service(String region, String cluster, String service) {
        return all(region, cluster, service)
                .map(ok -> ecs(
                        region,
                        "clusters/" + segment(name(cluster)) + "/services/" + segment(name(service)) + "/health"));
    }

    /** Returns the console page of a task definition revision, from its ARN or {@code family:revision}. */
    public static Optional<String> taskDefinition(String region, String taskDefinition) {
        return all(region, taskDefinition)
                .map(ok -> name(taskDefinition))
                .filter(n -> n.contains(":"))
                .map(n -> {
                    int colon = n.lastIndexOf(':');
                    return ecs(
                            region,
                            "task-definitions/" + segment(n.substring(0, colon)) + "/" + segment(n.substring(colon + 1))
                                    + "/containers");
                });
    }

    /** Returns the console page of a task. */
    public static Optional<String> task(String region, String cluster, String taskArn) {
        return all(region, cluster, taskArn)
                .map(ok -> ecs(
                        region,
                        "clusters/" + segment(name(cluster)) + "/tasks/" + segment(name(taskArn)) + "/configuration"));
    }

    /** Returns the console page of an image in a private ECR repository. */
    public static Optional<String> image(String region, String accountId, String repository, String digest) {
        return all(region, accountId, repository, digest)
                .map(ok -> base(region) + "/ecr/repositories/private/" + segment(accountId) + "/" + repository
                        + "/_/image/" + segment(digest) + "/details?region=" + region);
    }

    /**
     * Returns the console page of an image given by reference ({@code <account>.dkr.ecr.<region>.amazonaws.com/
     * repo@sha256:…}); empty for images outside ECR or without a digest.
     */
    public static Optional<String> image(String imageReference, String digest) {
        if (imageReference == null || digest == null) {
            return Optional.empty();
        }
        int slash = imageReference.indexOf('/');
        Optional<EcrRegistryHost> host =
                slash < 0 ? Optional.empty() : EcrRegistryHost.parse(imageReference.substring(0, slash));
        String repository = imageReference.substring(slash + 1).replaceAll("[@:].*$", "");
        return host.flatMap(registry -> image(registry.region(), registry.accountId(), repository, digest));
    }

    static String base(String region) {
        if (region.startsWith("cn-")) {
            return "https://" + region + ".console.amazonaws.cn";
        }
        if (region.startsWith("us-gov-")) {
            return "https://console.amazonaws-us-gov.com";
        }
        return "https://" + region + ".console.aws.amazon.com";
    }

    private static String ecs(String region, String path) {
        return base(region) + "/ecs/v2/" + path + "?region=" + region;
    }

    private static String name(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<Boolean> all(String... parts) {
        for (String part : parts) {
            if (part == null || part.isBlank()) {
                return Optional.empty();
            }
        }
        return parts[0].matches("[a-z]{2}(-[a-z]+)+-\\d+") ? Optional.of(true) : Optional.empty();
    }
}
