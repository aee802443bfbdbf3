package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The control API's view of the registry: repositories, images, tags and scans (never tokens). */
final class EcrStateDump {
    private EcrStateDump() {}

    static JsonNode dump(EcrStore store) {
        synchronized (store) {
            ObjectNode root = EcrJson.object();
            root.put("scanType", store.scanning().scanType());
            root.put("blobs", store.blobs().blobCount());
            ArrayNode repositories = root.putArray("repositories");
            for (EcrRepository repository : store.repositories()) {
                ObjectNode node = EcrJson.repository(repository, store.registryId());
                ArrayNode images = node.putArray("images");
                repository.images().forEach(image -> images.add(image(repository, image, store.registryId())));
                repositories.add(node);
            }
            return root;
        }
    }

    private static ObjectNode image(EcrRepository repository, StoredImage image, String registryId) {
        ObjectNode node = EcrJson.imageDetail(repository, image, registryId);
        ObjectNode labels = node.putObject("labels");
        image.labels().forEach(labels::put);
        node.put("findings", image.findings().size());
        return node;
    }
}
