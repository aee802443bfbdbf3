package dev.ecsdeploy.core.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Where the task definition to deploy comes from. */
public sealed interface TaskDefinitionSource {
    /**
     * The service's current task definition with {@code image} in the named containers, or, when {@code containers}
     * is empty, in every container whose image has the same repository.
     */
    static TaskDefinitionSource currentWithImage(String image, String... containers) {
        return new CurrentWithImage(image, List.of(containers));
    }

    /** A file in RegisterTaskDefinition's JSON; {@code ${NAME}} placeholders are filled from {@code values}. */
    static TaskDefinitionSource file(String json, Map<String, String> values) {
        return new File(json, values);
    }

    /** A task definition registered elsewhere (Terraform, CloudFormation), deployed as is. */
    static TaskDefinitionSource existing(String taskDefinitionArn) {
        return new Existing(taskDefinitionArn);
    }

    record CurrentWithImage(String image, List<String> containers) implements TaskDefinitionSource {
        public CurrentWithImage {
            Objects.requireNonNull(image, "image");
            containers = List.copyOf(containers);
        }
    }

    record File(String json, Map<String, String> values) implements TaskDefinitionSource {
        public File {
            Objects.requireNonNull(json, "json");
            values = Map.copyOf(values);
        }
    }

    record Existing(String taskDefinitionArn) implements TaskDefinitionSource {
        public Existing {
            Objects.requireNonNull(taskDefinitionArn, "taskDefinitionArn");
        }
    }
}
