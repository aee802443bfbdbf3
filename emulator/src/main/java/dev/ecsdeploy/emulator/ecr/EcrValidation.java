package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.emulator.http.AwsException;
import java.util.regex.Pattern;

/** Request validation as ECR does it: name and tag patterns, the registry id, and required members. */
final class EcrValidation {
    static final String NAME_PATTERN = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,299}");
    private static final Pattern REGISTRY_ID = Pattern.compile("[0-9]{12}");

    private EcrValidation() {}

    static boolean isValidTag(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    /** The repository name from the input, checked against ECR's length limits and pattern. */
    static String repositoryName(JsonNode input) {
        String name = requiredText(input, "repositoryName");
        if (name.length() < 2 || name.length() > 256 || !NAME.matcher(name).matches()) {
            throw AwsException.invalidParameter("Invalid parameter at 'repositoryName' failed to satisfy constraint: "
                    + "'must satisfy regular expression '" + NAME_PATTERN + "''");
        }
        return name;
    }

    static String requiredText(JsonNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull() || AwsException.text(member, value).isEmpty()) {
            throw EcrErrors.required(member);
        }
        return value.textValue();
    }

    /**
     * The emulator holds a single registry, the emulator account's. A registryId must be 12 digits; naming another
     * account's registry finds no repository there (and creating one there is refused), since the emulator has
     * no cross-account access to grant.
     */
    static void registryId(JsonNode input, String ownRegistryId, String repositoryName) {
        JsonNode value = input.get("registryId");
        if (value == null || value.isNull()) {
            return;
        }
        String registryId = AwsException.text("registryId", value);
        checkFormat(registryId);
        if (!registryId.equals(ownRegistryId)) {
            throw EcrErrors.repositoryNotFound(repositoryName, registryId);
        }
    }

    /** Whether the input names the emulator's registry (or none); another valid account's registry is empty. */
    static boolean namesOwnRegistry(JsonNode input, String ownRegistryId) {
        JsonNode value = input.get("registryId");
        if (value == null || value.isNull()) {
            return true;
        }
        checkFormat(AwsException.text("registryId", value));
        return value.textValue().equals(ownRegistryId);
    }

    /** CreateRepository can only create in the emulator's own registry. */
    static void ownRegistryForCreate(JsonNode input, String ownRegistryId) {
        JsonNode value = input.get("registryId");
        if (value != null
                && !value.isNull()
                && !AwsException.text("registryId", value).equals(ownRegistryId)) {
            checkFormat(value.asText());
            throw AwsException.invalidParameter("Invalid parameter at 'registryId': the emulator holds only the "
                    + "registry of account " + ownRegistryId + ", so repositories cannot be created in "
                    + value.asText());
        }
    }

    private static void checkFormat(String registryId) {
        if (!REGISTRY_ID.matcher(registryId).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + registryId
                    + "' at 'registryId' failed to satisfy constraint: Member must satisfy regular expression"
                    + " pattern: [0-9]{12}");
        }
    }

    static int maxResults(JsonNode input, int upperBound, int fallback) {
        JsonNode value = input.get("maxResults");
        if (value == null || value.isNull()) {
            return fallback;
        }
        int max = value.asInt();
        if (max < 1 || max > upperBound) {
            throw AwsException.invalidParameter("Invalid parameter at 'maxResults' failed to satisfy constraint: "
                    + "'Member must have value between 1 and " + upperBound + "'");
        }
        return max;
    }
}
