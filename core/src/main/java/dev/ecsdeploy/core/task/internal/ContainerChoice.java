package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.spec.ImageName;
import dev.ecsdeploy.core.task.ContainerChoiceException;
import dev.ecsdeploy.core.task.ContainerOverrides;
import dev.ecsdeploy.core.task.TaskRunRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** Puts the container's name where a request says {@link TaskRunRequest#MATCHING_CONTAINER}. */
final class ContainerChoice {
    private ContainerChoice() {}

    static TaskRunRequest resolve(TaskRunRequest request, TaskDefinition definition) {
        boolean imageUnnamed = request.containerImages().containsKey(TaskRunRequest.MATCHING_CONTAINER);
        boolean overridesUnnamed =
                request.containerOverrides().stream().anyMatch(o -> o.name().equals(TaskRunRequest.MATCHING_CONTAINER));
        if (!imageUnnamed && !overridesUnnamed) {
            return request;
        }
        String chosen = choose(definition, request.containerImages().get(TaskRunRequest.MATCHING_CONTAINER));
        Map<String, String> images = new LinkedHashMap<>();
        request.containerImages().forEach((name, image) -> images.put(named(name, chosen), image));
        List<ContainerOverrides> overrides = request.containerOverrides().stream()
                .map(o -> o.name().equals(TaskRunRequest.MATCHING_CONTAINER) ? renamed(o, chosen) : o)
                .toList();
        return request.toBuilder()
                .containerImages(images)
                .containerOverrides(overrides)
                .build();
    }

    /** The only container, or the only one running the image's repository. */
    private static String choose(TaskDefinition definition, String image) {
        Map<String, String> imagesByContainer = new LinkedHashMap<>();
        for (ContainerDefinition container : definition.containerDefinitions()) {
            imagesByContainer.put(container.name(), container.image());
        }
        List<String> names = List.copyOf(imagesByContainer.keySet());
        if (names.size() == 1) {
            return names.get(0);
        }
        String family = TaskVerdict.family(definition.taskDefinitionArn());
        if (image == null) {
            throw new ContainerChoiceException(
                    "cannot choose the container for the command: task definition " + family + " has containers "
                            + String.join(", ", names) + "; name the one it applies to",
                    names);
        }
        List<String> matching = ImageName.containersOfRepository(imagesByContainer, image);
        if (matching.size() == 1) {
            return matching.get(0);
        }
        throw new ContainerChoiceException(
                "cannot choose the container for image " + image + ": task definition " + family + " has containers "
                        + String.join(", ", names) + ", and " + (matching.isEmpty() ? "none" : matching.size())
                        + " of them run repository " + ImageName.parse(image).repositoryPath()
                        + "; name the one it applies to",
                names);
    }

    private static String named(String name, String chosen) {
        return name.equals(TaskRunRequest.MATCHING_CONTAINER) ? chosen : name;
    }

    private static ContainerOverrides renamed(ContainerOverrides o, String chosen) {
        return new ContainerOverrides(
                chosen,
                o.command(),
                o.entryPoint(),
                o.environment(),
                o.secrets(),
                o.cpu(),
                o.memory(),
                o.memoryReservation());
    }
}
