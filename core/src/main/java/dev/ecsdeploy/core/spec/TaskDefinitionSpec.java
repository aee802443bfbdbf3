package dev.ecsdeploy.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A task definition to register, held as the JSON that RegisterTaskDefinition accepts. Instances are immutable: every
 * edit returns a new spec. The JSON is checked against the SDK model whenever a spec is made, so an invalid spec can
 * never reach AWS.
 */
public final class TaskDefinitionSpec {
    /**
     * Members that DescribeTaskDefinition returns but RegisterTaskDefinition does not accept; dropped when the running
     * task definition is the starting point.
     */
    public static final Set<String> READ_ONLY_MEMBERS = Set.of(
            "taskDefinitionArn",
            "revision",
            "status",
            "requiresAttributes",
            "compatibilities",
            "registeredAt",
            "registeredBy",
            "deregisteredAt");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i)(pass|secret|token|key)");
    private static final String CONTAINERS = "containerDefinitions";
    private static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final ObjectNode json;
    private final RegisterTaskDefinitionRequest request;

    private TaskDefinitionSpec(ObjectNode json) {
        this.json = json;
        this.request = SdkJson.fromJson(json, RegisterTaskDefinitionRequest::builder);
    }

    /**
     * Reads a task definition file in RegisterTaskDefinition's JSON, filling {@code ${NAME}} placeholders in string
     * values from {@code values}.
     *
     * @throws InvalidSpecException for invalid JSON, unknown members (named with their path) or a placeholder that
     *     {@code values} does not fill
     */
    public static TaskDefinitionSpec fromJson(String text, Map<String, String> values) {
        JsonNode parsed = SdkJson.parse(text);
        if (!parsed.isObject()) {
            throw new InvalidSpecException("the task definition file is not a JSON object");
        }
        Set<String> missing = new TreeSet<>();
        JsonNode filled = fillPlaceholders(parsed, values, missing);
        if (!missing.isEmpty()) {
            throw new InvalidSpecException(
                    "the task definition file has placeholders without a value: " + String.join(", ", missing));
        }
        requireEcsNames(filled);
        return new TaskDefinitionSpec((ObjectNode) filled);
    }

    /** What RegisterTaskDefinition would refuse about names and containers, found before anything is called. */
    private static void requireEcsNames(JsonNode spec) {
        JsonNode family = spec.path("family");
        if (family.isTextual() && !ECS_NAME.matcher(family.asText()).matches()) {
            throw new InvalidSpecException("invalid family " + shorten(family.asText())
                    + " in the task definition file: families are 1-255 letters, digits, hyphens and underscores");
        }
        JsonNode containers = spec.path(CONTAINERS);
        if (containers.isArray() && containers.isEmpty()) {
            throw new InvalidSpecException(
                    "the task definition file has no container: " + CONTAINERS + " must list at least one");
        }
        for (JsonNode container : containers) {
            JsonNode name = container.path("name");
            if (name.isTextual() && !ECS_NAME.matcher(name.asText()).matches()) {
                throw new InvalidSpecException("invalid container name " + shorten(name.asText())
                        + " in the task definition file: container names are 1-255 letters, digits, hyphens and"
                        + " underscores");
            }
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 20) + "... (" + text.length() + " characters)" : text;
    }

    /** Starts from a described task definition: drops the read-only members and keeps the tags. */
    public static TaskDefinitionSpec fromDescribed(TaskDefinition described, Collection<Tag> tags) {
        ObjectNode copy = SdkJson.toJson(described);
        copy.remove(READ_ONLY_MEMBERS);
        if (tags != null && !tags.isEmpty()) {
            ArrayNode tagArray = copy.putArray("tags");
            tags.forEach(tag -> tagArray.add(SdkJson.toJson(tag)));
        }
        return new TaskDefinitionSpec(copy);
    }

    public RegisterTaskDefinitionRequest request() {
        return request;
    }

    public String family() {
        return request.family();
    }

    /** A copy of the JSON this spec registers. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    public String prettyJson() {
        return SdkJson.pretty(json);
    }

    /** Container name → image, in definition order. */
    public Map<String, String> images() {
        Map<String, String> images = new LinkedHashMap<>();
        containers()
                .forEach(
                        c -> images.put(c.path("name").asText(), c.path("image").asText()));
        return images;
    }

    public List<String> containerNames() {
        return List.copyOf(images().keySet());
    }

    /**
     * Puts {@code image} in the named containers, or, when {@code containers} is empty, in every container whose image
     * has the same repository.
     */
    public TaskDefinitionSpec withImage(String image, Collection<String> containers) {
        ImageName target = ImageName.parse(image);
        if (containers.isEmpty()) {
            List<String> matching = ImageName.containersOfRepository(images(), image);
            if (matching.isEmpty()) {
                throw new InvalidSpecException("no container to update: no container of task definition " + family()
                        + " runs an image of repository " + target.repositoryPath() + " (containers: "
                        + images() + "); name the containers to update");
            }
            return withImage(image, matching);
        }
        return edit(copy -> containers.forEach(name -> container(copy, name).put("image", image)));
    }

    /** Sets or replaces a plain environment variable of one container. */
    public TaskDefinitionSpec withEnvironment(String container, String name, String value) {
        return edit(copy -> upsertNamed(container(copy, container), "environment", name, "value", value));
    }

    /** Sets or replaces a secret ({@code valueFrom} is a Secrets Manager or SSM parameter ARN) of one container. */
    public TaskDefinitionSpec withSecret(String container, String name, String valueFrom) {
        return edit(copy -> upsertNamed(container(copy, container), "secrets", name, "valueFrom", valueFrom));
    }

    /** Replaces the image of each named container (container → image), e.g. to pin digests. */
    public TaskDefinitionSpec withImages(Map<String, String> imagesByContainer) {
        return edit(copy ->
                imagesByContainer.forEach((name, image) -> container(copy, name).put("image", image)));
    }

    /**
     * Warnings for plain environment variables whose names look like secrets; their values are readable by anyone
     * allowed to describe the task definition. The values are never repeated in the warning.
     */
    public List<String> secretLookingEnvironment() {
        List<String> warnings = new ArrayList<>();
        for (JsonNode container : containers()) {
            for (JsonNode variable : container.path("environment")) {
                String name = variable.path("name").asText();
                if (SECRET_LIKE.matcher(name).find()
                        && !variable.path("value").asText().isEmpty()) {
                    warnings.add("container " + container.path("name").asText() + " has environment variable " + name
                            + " with a literal value that looks like a secret: use secrets[].valueFrom instead");
                }
            }
        }
        return warnings;
    }

    private TaskDefinitionSpec edit(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode copy = json.deepCopy();
        change.accept(copy);
        return new TaskDefinitionSpec(copy);
    }

    private List<ObjectNode> containers() {
        List<ObjectNode> list = new ArrayList<>();
        json.path(CONTAINERS).forEach(node -> list.add((ObjectNode) node));
        return list;
    }

    private ObjectNode container(ObjectNode root, String name) {
        for (JsonNode node : root.path(CONTAINERS)) {
            if (name.equals(node.path("name").asText())) {
                return (ObjectNode) node;
            }
        }
        throw new InvalidSpecException(
                "container " + name + " not found: task definition " + family() + " has " + containerNames());
    }

    private static void upsertNamed(ObjectNode container, String listName, String name, String key, String value) {
        ArrayNode list = container.has(listName) ? (ArrayNode) container.get(listName) : container.putArray(listName);
        for (JsonNode entry : list) {
            if (name.equals(entry.path("name").asText())) {
                ((ObjectNode) entry).put(key, value);
                return;
            }
        }
        list.addObject().put("name", name).put(key, value);
    }

    private static JsonNode fillPlaceholders(JsonNode node, Map<String, String> values, Set<String> missing) {
        return transformStrings(node, text -> {
            Matcher matcher = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    missing.add("${" + matcher.group(1) + "}");
                    value = matcher.group();
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            return out.toString();
        });
    }

    private static JsonNode transformStrings(JsonNode node, UnaryOperator<String> change) {
        if (node.isTextual()) {
            return TextNode.valueOf(change.apply(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(item -> copy.add(transformStrings(item, change)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                copy.set(entry.getKey(), transformStrings(entry.getValue(), change));
            }
            return copy;
        }
        return node;
    }

    @Override
    public String toString() {
        return "TaskDefinitionSpec[" + family() + ", images=" + images() + "]";
    }
}
