package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.AwsException;
import dev.ecsdeploy.emulator.http.MemberTypes;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Repository operations: create, describe, delete, settings, lifecycle and repository policies. */
final class RepositoryOperations {
    private static final Set<String> MUTABILITY =
            Set.of("MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION");
    private static final Set<String> ENCRYPTION = Set.of("AES256", "KMS", "KMS_DSSE");

    private final EcrStore store;
    private final String registryHost;

    RepositoryOperations(EcrStore store, String registryHost) {
        this.store = store;
        this.registryHost = registryHost;
    }

    void register(Map<String, EcrOperation> operations) {
        operations.put("CreateRepository", this::create);
        operations.put("DescribeRepositories", this::describe);
        operations.put("DeleteRepository", this::delete);
        operations.put("PutImageTagMutability", this::putTagMutability);
        operations.put("PutImageScanningConfiguration", this::putScanningConfiguration);
        operations.put("PutLifecyclePolicy", this::putLifecyclePolicy);
        operations.put("GetLifecyclePolicy", this::getLifecyclePolicy);
        operations.put("DeleteLifecyclePolicy", this::deleteLifecyclePolicy);
        operations.put("SetRepositoryPolicy", this::setPolicy);
        operations.put("GetRepositoryPolicy", this::getPolicy);
        operations.put("DeleteRepositoryPolicy", this::deletePolicy);
    }

    private JsonNode create(ObjectNode input, RequestContext context) {
        String name = EcrValidation.repositoryName(input);
        EcrValidation.ownRegistryForCreate(input, store.registryId());
        String mutability = enumValue(input, "imageTagMutability", MUTABILITY, "MUTABLE");
        JsonNode encryption = input.path("encryptionConfiguration");
        String encryptionType = encryption.path("encryptionType").asText("AES256");
        if (!ENCRYPTION.contains(encryptionType)) {
            throw enumError("encryptionConfiguration.encryptionType", encryptionType, ENCRYPTION);
        }
        String kmsKey = kmsKey(encryptionType, encryption.path("kmsKey").asText(null), context);
        EcrRepository repository = store.create(new EcrRepository.RepositorySettings(
                name,
                context.arn("ecr", "repository/" + name),
                registryHost + "/" + name,
                context.now(),
                mutability,
                input.path("imageScanningConfiguration").path("scanOnPush").asBoolean(false),
                encryptionType,
                kmsKey,
                tags(input.path("tags"))));
        return EcrJson.object().set("repository", EcrJson.repository(repository, store.registryId()));
    }

    /** With KMS and no key ECR uses the AWS managed key {@code aws/ecr}; a key with AES256 is refused. */
    private static String kmsKey(String encryptionType, String kmsKey, RequestContext context) {
        if (encryptionType.equals("AES256")) {
            if (kmsKey != null) {
                throw AwsException.invalidParameter("Invalid parameter at 'encryptionConfiguration': "
                        + "a kmsKey may only be given with encryption type KMS");
            }
            return null;
        }
        return kmsKey != null ? kmsKey : context.arn("kms", "alias/aws/ecr");
    }

    private static Map<String, String> tags(JsonNode array) {
        Map<String, String> tags = new LinkedHashMap<>();
        array.forEach(
                tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText("")));
        return tags;
    }

    private JsonNode describe(ObjectNode input, RequestContext context) {
        List<EcrRepository> selected = new ArrayList<>();
        MemberTypes.lists(input, "repositoryNames");
        if (input.has("repositoryNames")) {
            for (JsonNode name : input.get("repositoryNames")) {
                EcrValidation.registryId(input, store.registryId(), name.asText());
                selected.add(store.requireRepository(name.asText()));
            }
        } else if (EcrValidation.namesOwnRegistry(input, store.registryId())) {
            selected.addAll(store.repositories());
        }
        int max = EcrValidation.maxResults(input, 1000, 100);
        Pages.Page<EcrRepository> page =
                Pages.page(selected, input.path("nextToken").asText(null), max);
        ObjectNode output = EcrJson.object();
        ArrayNode repositories = output.putArray("repositories");
        page.items().forEach(repository -> repositories.add(EcrJson.repository(repository, store.registryId())));
        if (page.nextToken() != null) {
            output.put("nextToken", page.nextToken());
        }
        return output;
    }

    private JsonNode delete(ObjectNode input, RequestContext context) {
        String name = repository(input).name();
        EcrRepository deleted = store.delete(name, input.path("force").asBoolean(false));
        return EcrJson.object().set("repository", EcrJson.repository(deleted, store.registryId()));
    }

    private JsonNode putTagMutability(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        String mutability = enumValue(input, "imageTagMutability", MUTABILITY, null);
        if (mutability == null) {
            throw EcrErrors.required("imageTagMutability");
        }
        repository.tagMutability(mutability);
        return identity(repository).put("imageTagMutability", mutability);
    }

    private JsonNode putScanningConfiguration(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        if (!input.has("imageScanningConfiguration")) {
            throw EcrErrors.required("imageScanningConfiguration");
        }
        repository.scanOnPush(
                input.path("imageScanningConfiguration").path("scanOnPush").asBoolean(false));
        ObjectNode output = identity(repository);
        output.putObject("imageScanningConfiguration").put("scanOnPush", repository.scanOnPush());
        return output;
    }

    private JsonNode putLifecyclePolicy(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        String text = EcrValidation.requiredText(input, "lifecyclePolicyText");
        validateLifecyclePolicy(text);
        repository.lifecyclePolicy(text, context.now());
        return identity(repository).put("lifecyclePolicyText", text);
    }

    /** ECR checks that a lifecycle policy is JSON with a non-empty rules array whose rules have priorities. */
    private static void validateLifecyclePolicy(String text) {
        JsonNode policy;
        try {
            policy = EcrJson.JSON.readTree(text);
        } catch (IOException e) {
            throw AwsException.invalidParameter("Invalid parameter at 'LifecyclePolicyText' failed to satisfy "
                    + "constraint: 'Lifecycle policy validation failure: the policy is not valid JSON'");
        }
        JsonNode rules = policy == null ? null : policy.get("rules");
        if (rules == null || !rules.isArray() || rules.isEmpty()) {
            throw AwsException.invalidParameter("Invalid parameter at 'LifecyclePolicyText' failed to satisfy "
                    + "constraint: 'Lifecycle policy validation failure: object has missing required properties "
                    + "([\"rules\"])'");
        }
        for (JsonNode rule : rules) {
            if (!rule.path("rulePriority").isInt() || !rule.has("selection") || !rule.has("action")) {
                throw AwsException.invalidParameter("Invalid parameter at 'LifecyclePolicyText' failed to satisfy "
                        + "constraint: 'Lifecycle policy validation failure: each rule needs rulePriority, "
                        + "selection and action'");
            }
        }
    }

    private JsonNode getLifecyclePolicy(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        String text = repository
                .lifecyclePolicy()
                .orElseThrow(() -> EcrErrors.lifecyclePolicyNotFound(repository.name(), store.registryId()));
        ObjectNode output = identity(repository).put("lifecyclePolicyText", text);
        output.put("lastEvaluatedAt", EcrJson.epoch(repository.lifecyclePolicySetAt()));
        return output;
    }

    private JsonNode deleteLifecyclePolicy(ObjectNode input, RequestContext context) {
        ObjectNode output = (ObjectNode) getLifecyclePolicy(input, context);
        repository(input).lifecyclePolicy(null, null);
        return output;
    }

    private JsonNode setPolicy(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        String text = EcrValidation.requiredText(input, "policyText");
        try {
            JsonNode policy = EcrJson.JSON.readTree(text);
            if (policy == null || !policy.has("Statement")) {
                throw new IOException("no Statement");
            }
        } catch (IOException e) {
            throw AwsException.invalidParameter(
                    "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'");
        }
        repository.repositoryPolicy(text);
        return identity(repository).put("policyText", text);
    }

    private JsonNode getPolicy(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        String text = repository
                .repositoryPolicy()
                .orElseThrow(() -> EcrErrors.repositoryPolicyNotFound(repository.name(), store.registryId()));
        return identity(repository).put("policyText", text);
    }

    private JsonNode deletePolicy(ObjectNode input, RequestContext context) {
        ObjectNode output = (ObjectNode) getPolicy(input, context);
        repository(input).repositoryPolicy(null);
        return output;
    }

    private EcrRepository repository(JsonNode input) {
        String name = EcrValidation.repositoryName(input);
        EcrValidation.registryId(input, store.registryId(), name);
        return store.requireRepository(name);
    }

    private ObjectNode identity(EcrRepository repository) {
        return EcrJson.object().put("registryId", store.registryId()).put("repositoryName", repository.name());
    }

    private static String enumValue(JsonNode input, String member, Set<String> allowed, String fallback) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!allowed.contains(value.asText())) {
            throw enumError(member, value.asText(), allowed);
        }
        return value.asText();
    }

    private static AwsException enumError(String member, String value, Set<String> allowed) {
        return AwsException.validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
    }
}
