package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.RequestContext;

/** One ECR API operation. */
@FunctionalInterface
interface EcrOperation {
    JsonNode handle(ObjectNode input, RequestContext context);
}
