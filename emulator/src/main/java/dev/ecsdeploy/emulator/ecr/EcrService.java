package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.http.AwsJsonService;
import dev.ecsdeploy.emulator.http.RawHttpRoute;
import dev.ecsdeploy.emulator.http.RequestContext;
import dev.ecsdeploy.emulator.workload.ImageResolution;
import dev.ecsdeploy.emulator.workload.ImageResolver;
import dev.ecsdeploy.emulator.workload.Workload;

/** Placeholder: replaced by the full implementation. */
public final class EcrService implements AwsJsonService {
    private final EmulatorContext context;

    public EcrService(EmulatorContext context) {
        this.context = context;
    }

    /** Resolves image references for ECS tasks. */
    public ImageResolver imageResolver() {
        return reference -> new ImageResolution.Foreign(Workload.DEFAULT);
    }

    /** The OCI distribution registry under {@code /v2/}. */
    public RawHttpRoute registryRoute() {
        return new RawHttpRoute() {
            @Override
            public String pathPrefix() {
                return "/v2/";
            }

            @Override
            public void handle(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
                exchange.sendResponseHeaders(404, -1);
            }
        };
    }

    @Override
    public String targetPrefix() {
        return "AmazonEC2ContainerRegistry_V20150921";
    }

    @Override
    public String serviceName() {
        return "ecr";
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
