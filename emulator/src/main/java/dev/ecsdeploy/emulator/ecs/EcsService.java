package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.http.AwsJsonService;
import dev.ecsdeploy.emulator.http.RequestContext;
import dev.ecsdeploy.emulator.workload.ImageResolver;
import dev.ecsdeploy.emulator.workload.TaskLogWriter;

/** Placeholder: replaced by the full implementation. */
public final class EcsService implements AwsJsonService {
    private final EmulatorContext context;

    private final ImageResolver images;
    private final TaskLogWriter logs;

    public EcsService(EmulatorContext context, ImageResolver images, TaskLogWriter logs) {
        this.context = context;
        this.images = images;
        this.logs = logs;
    }

    @Override
    public String targetPrefix() {
        return "AmazonEC2ContainerServiceV20141113";
    }

    @Override
    public String serviceName() {
        return "ecs";
    }

    @Override
    public JsonNode handle(String operation, ObjectNode input, RequestContext requestContext) {
        throw AwsJsonService.unknownOperation(operation);
    }

    @Override
    public JsonNode dumpState() {
        return JsonNodeFactory.instance.objectNode();
    }
}
