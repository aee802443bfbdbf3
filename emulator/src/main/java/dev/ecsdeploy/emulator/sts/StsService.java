package dev.ecsdeploy.emulator.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.http.AwsException;
import dev.ecsdeploy.emulator.http.AwsQueryService;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.util.Map;

/** Placeholder: replaced by the full implementation. */
public final class StsService implements AwsQueryService {
    private final EmulatorContext context;

    public StsService(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public String serviceName() {
        return "sts";
    }

    @Override
    public String xmlNamespace() {
        return "https://sts.amazonaws.com/doc/2011-06-15/";
    }

    @Override
    public String handle(String action, Map<String, String> parameters, RequestContext requestContext) {
        throw AwsException.client("InvalidAction", "Could not find operation " + action);
    }

    @Override
    public JsonNode dumpState() {
        return JsonNodeFactory.instance.objectNode();
    }
}
