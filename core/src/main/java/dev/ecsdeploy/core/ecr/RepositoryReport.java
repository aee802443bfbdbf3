package dev.ecsdeploy.core.ecr;

import java.io.Serializable;
import java.util.List;

/**
 * The state of a target repository after {@code ensureRepository}.
 *
 * @param repositoryUri e.g. {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/web}
 * @param registryId the owning account
 * @param created whether this run created it
 * @param drift human-readable differences between the wanted and the actual settings, empty when none
 * @param updated whether this run changed settings of an existing repository
 * @param immutableTags whether the repository has immutable tags
 * @param scanOnPush whether scan on push is on
 */
public record RepositoryReport(
        String repositoryUri,
        String registryId,
        boolean created,
        List<String> drift,
        boolean updated,
        boolean immutableTags,
        boolean scanOnPush)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public RepositoryReport {
        drift = List.copyOf(drift);
    }

    /** The registry host, the part of the URI before the first "/". */
    public String registry() {
        return repositoryUri.substring(0, repositoryUri.indexOf('/'));
    }

    /** The repository name, the part of the URI after the registry host. */
    public String repositoryName() {
        return repositoryUri.substring(repositoryUri.indexOf('/') + 1);
    }
}
