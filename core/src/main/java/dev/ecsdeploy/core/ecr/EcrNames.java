package dev.ecsdeploy.core.ecr;

import java.util.List;
import java.util.regex.Pattern;

/** ECR's naming rules, checked before anything runs. */
public final class EcrNames {
    /** ECR repository names: 2–256 characters, lower case, path segments separated by "/". */
    private static final Pattern REPOSITORY =
            Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    /** Tags as the OCI distribution spec and ECR accept them: up to 128 characters, no leading "." or "-". */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
    private static final Pattern REGISTRY_ID = Pattern.compile("[0-9]{12}");

    private EcrNames() {}

    public static void requireRepositoryName(String name) {
        if (name == null
                || name.length() < 2
                || name.length() > 256
                || !REPOSITORY.matcher(name).matches()) {
            throw new EcrImageException("invalid repository name '" + name + "': ECR names are 2-256 lower-case"
                    + " letters, digits and . _ - separators, with / between path segments");
        }
    }

    public static void requireTags(List<String> tags) {
        if (tags.isEmpty()) {
            throw new EcrImageException("no tag to push: give at least one tag");
        }
        tags.forEach(EcrNames::requireTag);
    }

    public static void requireTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new EcrImageException("invalid tag '" + tag + "': tags are 1-128 letters, digits, _ . -,"
                    + " and must not start with . or -");
        }
    }

    public static void requireRegistryId(String registryId) {
        if (registryId != null && !REGISTRY_ID.matcher(registryId).matches()) {
            throw new EcrImageException("invalid registry id '" + registryId + "': it is a 12-digit AWS account id");
        }
    }

    public static boolean isDigest(String reference) {
        return DIGEST.matcher(reference).matches();
    }
}
