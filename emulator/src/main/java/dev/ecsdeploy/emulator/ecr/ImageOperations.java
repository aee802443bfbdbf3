package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.AwsException;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Image operations: describe, list, get, put (retag), delete, and the layer availability check. */
final class ImageOperations {
    private static final Set<String> TAG_STATUS = Set.of("TAGGED", "UNTAGGED", "ANY");

    private final EcrStore store;

    ImageOperations(EcrStore store) {
        this.store = store;
    }

    void register(Map<String, EcrOperation> operations) {
        operations.put("DescribeImages", this::describe);
        operations.put("ListImages", this::list);
        operations.put("BatchGetImage", this::batchGet);
        operations.put("PutImage", this::put);
        operations.put("BatchDeleteImage", this::batchDelete);
        operations.put("BatchCheckLayerAvailability", this::checkLayers);
    }

    private JsonNode describe(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        List<StoredImage> selected = new ArrayList<>();
        if (input.has("imageIds")) {
            for (JsonNode id : input.get("imageIds")) {
                StoredImage image = lookup(repository, id);
                if (!selected.contains(image)) {
                    selected.add(image);
                }
            }
        } else {
            String status = tagStatus(input);
            repository.images().stream()
                    .filter(image ->
                            matches(status, !repository.tagsOf(image.digest()).isEmpty()))
                    .forEach(selected::add);
        }
        int max = EcrValidation.maxResults(input, 1000, 100);
        Pages.Page<StoredImage> page =
                Pages.page(selected, input.path("nextToken").asText(null), max);
        ObjectNode output = EcrJson.object();
        ArrayNode details = output.putArray("imageDetails");
        page.items().forEach(image -> details.add(EcrJson.imageDetail(repository, image, store.registryId())));
        putNextToken(output, page);
        return output;
    }

    private JsonNode list(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        String status = tagStatus(input);
        List<ObjectNode> ids = new ArrayList<>();
        for (StoredImage image : repository.images()) {
            List<String> tags = repository.tagsOf(image.digest());
            if (tags.isEmpty() && matches(status, false)) {
                ids.add(EcrJson.imageId(image.digest(), null));
            }
            if (!tags.isEmpty() && matches(status, true)) {
                tags.forEach(tag -> ids.add(EcrJson.imageId(image.digest(), tag)));
            }
        }
        int max = EcrValidation.maxResults(input, 1000, 100);
        Pages.Page<ObjectNode> page = Pages.page(ids, input.path("nextToken").asText(null), max);
        ObjectNode output = EcrJson.object();
        output.putArray("imageIds").addAll(page.items());
        putNextToken(output, page);
        return output;
    }

    private JsonNode batchGet(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        ObjectNode output = EcrJson.object();
        ArrayNode images = output.putArray("images");
        ArrayNode failures = output.putArray("failures");
        for (JsonNode id : requiredIds(input)) {
            Optional<StoredImage> image = find(repository, id);
            if (image.isEmpty()) {
                failures.add(failure(id, failureCode(repository, id), failureReason(repository, id)));
                continue;
            }
            ObjectNode node = images.addObject();
            node.put("registryId", store.registryId());
            node.put("repositoryName", repository.name());
            node.set(
                    "imageId",
                    EcrJson.imageId(image.get().digest(), id.path("imageTag").asText(null)));
            node.put("imageManifest", image.get().manifest().text());
            node.put("imageManifestMediaType", image.get().manifest().mediaType());
        }
        return output;
    }

    /** Adds a tag to a manifest already in the repository (or stores a manifest whose layers are there). */
    private JsonNode put(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        String text = EcrValidation.requiredText(input, "imageManifest");
        String tag = input.path("imageTag").asText(null);
        if (tag != null && !EcrValidation.isValidTag(tag)) {
            throw AwsException.invalidParameter("Invalid parameter at 'imageTag' failed to satisfy constraint: "
                    + "'must satisfy regular expression '[a-zA-Z0-9_][a-zA-Z0-9._-]{0,299}''");
        }
        Manifest manifest = parse(text, input.path("imageManifestMediaType").asText(null));
        checkDigest(input, manifest);
        refuseDuplicate(repository, manifest, tag);
        try {
            store.putManifest(repository.name(), manifest, tag, context.now());
        } catch (EcrStore.ImageStoreException e) {
            if (e.reason() == EcrStore.ImageStoreException.Reason.TAG_IMMUTABLE) {
                throw EcrErrors.imageTagAlreadyExists(tag, repository.name());
            }
            throw EcrErrors.layersNotFound(List.of(e.getMessage()), repository.name(), store.registryId());
        }
        ObjectNode output = EcrJson.object();
        ObjectNode image = output.putObject("image");
        image.put("registryId", store.registryId());
        image.put("repositoryName", repository.name());
        image.set("imageId", EcrJson.imageId(manifest.digest(), tag));
        image.put("imageManifest", text);
        image.put("imageManifestMediaType", manifest.mediaType());
        return output;
    }

    private static Manifest parse(String text, String mediaType) {
        try {
            return Manifest.parse(text.getBytes(StandardCharsets.UTF_8), mediaType);
        } catch (Manifest.InvalidManifestException e) {
            throw AwsException.invalidParameter("Invalid parameter at 'ImageManifest' failed to satisfy constraint: "
                    + "'Invalid JSON syntax': " + e.getMessage());
        }
    }

    private static void checkDigest(JsonNode input, Manifest manifest) {
        String declared = input.path("imageDigest").asText(null);
        if (declared != null && !declared.equals(manifest.digest())) {
            throw AwsException.client(
                    "ImageDigestDoesNotMatchException",
                    "The specified digest '" + declared + "' does not match the digest '" + manifest.digest()
                            + "' of the image manifest");
        }
    }

    /** ECR refuses a PutImage that would change nothing: same digest and same tag, or an untagged known digest. */
    private void refuseDuplicate(EcrRepository repository, Manifest manifest, String tag) {
        boolean known = repository.image(manifest.digest()).isPresent();
        boolean sameTag = tag != null
                && repository.digestForTag(tag).map(manifest.digest()::equals).orElse(false);
        if (sameTag || (tag == null && known)) {
            throw EcrErrors.imageAlreadyExists(manifest.digest(), tag, repository.name(), store.registryId());
        }
    }

    private JsonNode batchDelete(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        ObjectNode output = EcrJson.object();
        ArrayNode deleted = output.putArray("imageIds");
        ArrayNode failures = output.putArray("failures");
        for (JsonNode id : requiredIds(input)) {
            Optional<StoredImage> image = find(repository, id);
            if (image.isEmpty()) {
                failures.add(failure(id, failureCode(repository, id), failureReason(repository, id)));
                continue;
            }
            deleteOne(repository, image.get(), id.path("imageTag").asText(null), deleted);
        }
        return output;
    }

    /** Deleting by tag removes the tag and, with the last tag gone, the image; by digest removes image and tags. */
    private static void deleteOne(EcrRepository repository, StoredImage image, String tag, ArrayNode deleted) {
        if (tag != null) {
            repository.untag(tag);
            deleted.add(EcrJson.imageId(image.digest(), tag));
            if (repository.tagsOf(image.digest()).isEmpty()) {
                repository.removeImage(image.digest());
            }
            return;
        }
        List<String> tags = repository.tagsOf(image.digest());
        repository.removeImage(image.digest());
        if (tags.isEmpty()) {
            deleted.add(EcrJson.imageId(image.digest(), null));
        }
        tags.forEach(each -> deleted.add(EcrJson.imageId(image.digest(), each)));
    }

    private JsonNode checkLayers(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        JsonNode digests = input.get("layerDigests");
        if (digests == null || digests.isEmpty()) {
            throw EcrErrors.required("layerDigests");
        }
        ObjectNode output = EcrJson.object();
        ArrayNode layers = output.putArray("layers");
        ArrayNode failures = output.putArray("failures");
        for (JsonNode digest : digests) {
            String value = digest.asText();
            if (!Digests.isDigest(value)) {
                failures.addObject()
                        .put("layerDigest", value)
                        .put("failureCode", "InvalidLayerDigest")
                        .put("failureReason", "Invalid layer digest");
                continue;
            }
            boolean available = store.hasBlob(repository.name(), value);
            ObjectNode layer = layers.addObject().put("layerDigest", value);
            layer.put("layerAvailability", available ? "AVAILABLE" : "UNAVAILABLE");
            if (available) {
                layer.put("layerSize", store.blobs().size(value));
            }
        }
        return output;
    }

    /** An image named by digest and/or tag; a tag and digest that disagree do not name any image. */
    static Optional<StoredImage> find(EcrRepository repository, JsonNode id) {
        String digest = id.path("imageDigest").asText(null);
        String tag = id.path("imageTag").asText(null);
        if (digest == null && tag == null) {
            return Optional.empty();
        }
        Optional<StoredImage> byDigest = digest == null ? Optional.empty() : repository.image(digest);
        Optional<StoredImage> byTag = tag == null ? Optional.empty() : repository.resolve(tag);
        if (digest != null && tag != null) {
            return byDigest.isPresent() && byDigest.equals(byTag) ? byDigest : Optional.empty();
        }
        return digest != null ? byDigest : byTag;
    }

    StoredImage lookup(EcrRepository repository, JsonNode id) {
        return find(repository, id)
                .orElseThrow(() -> EcrErrors.imageNotFound(
                        id.path("imageDigest").asText(null),
                        id.path("imageTag").asText(null),
                        repository.name(),
                        store.registryId()));
    }

    private static String failureCode(EcrRepository repository, JsonNode id) {
        String digest = id.path("imageDigest").asText(null);
        String tag = id.path("imageTag").asText(null);
        if (digest == null && tag == null) {
            return "MissingDigestAndTag";
        }
        if (digest != null && !Digests.isDigest(digest)) {
            return "InvalidImageDigest";
        }
        if (digest != null && tag != null && repository.image(digest).isPresent()) {
            return "ImageTagDoesNotMatchDigest";
        }
        return "ImageNotFound";
    }

    private static String failureReason(EcrRepository repository, JsonNode id) {
        return switch (failureCode(repository, id)) {
            case "MissingDigestAndTag" -> "Missing image digest and tag";
            case "InvalidImageDigest" -> "Invalid image digest";
            case "ImageTagDoesNotMatchDigest" -> "Image tag does not match digest";
            default -> "Requested image not found";
        };
    }

    private static ObjectNode failure(JsonNode id, String code, String reason) {
        ObjectNode node = EcrJson.object();
        node.set("imageId", id.deepCopy());
        node.put("failureCode", code);
        node.put("failureReason", reason);
        return node;
    }

    private static JsonNode requiredIds(JsonNode input) {
        JsonNode ids = input.get("imageIds");
        if (ids == null || ids.isEmpty()) {
            throw EcrErrors.required("imageIds");
        }
        if (ids.size() > 100) {
            throw AwsException.invalidParameter("Invalid parameter at 'imageIds' failed to satisfy constraint: "
                    + "'Member must have length less than or equal to 100'");
        }
        return ids;
    }

    private static String tagStatus(JsonNode input) {
        String status = input.path("filter").path("tagStatus").asText("ANY");
        if (!TAG_STATUS.contains(status)) {
            throw AwsException.validation("1 validation error detected: Value '" + status
                    + "' at 'filter.tagStatus' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[TAGGED, UNTAGGED, ANY]");
        }
        return status;
    }

    private static boolean matches(String status, boolean tagged) {
        return status.equals("ANY") || status.equals("TAGGED") == tagged;
    }

    private static <T> void putNextToken(ObjectNode output, Pages.Page<T> page) {
        if (page.nextToken() != null) {
            output.put("nextToken", page.nextToken());
        }
    }

    private EcrRepository repository(JsonNode input) {
        String name = EcrValidation.repositoryName(input);
        EcrValidation.registryId(input, store.registryId(), name);
        return store.requireRepository(name);
    }
}
