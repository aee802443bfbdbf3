package dev.ecsdeploy.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Reads a registered task definition back as native ECS JSON, the form the pages diff. A revision never changes once
 * registered, so a caller may keep what this returns for good.
 */
public final class RegisteredTaskDefinitions {
    private RegisteredTaskDefinitions() {}

    /** The task definition of {@code arn} as DescribeTaskDefinition returns it, in wire JSON. */
    public static JsonNode describe(EcsClient ecs, String arn) {
        return SdkJson.toJson(ecs.describeTaskDefinition(request -> request.taskDefinition(arn))
                .taskDefinition());
    }
}
