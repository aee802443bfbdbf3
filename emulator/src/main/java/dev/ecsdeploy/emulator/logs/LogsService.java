package dev.ecsdeploy.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.http.AwsJsonService;
import dev.ecsdeploy.emulator.http.RequestContext;
import dev.ecsdeploy.emulator.workload.TaskLogWriter;
import java.time.Instant;

/** Placeholder: replaced by the full implementation. */
public final class LogsService implements AwsJsonService, TaskLogWriter {
    private final EmulatorContext context;

    public LogsService(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public void write(String logGroup, String logStream, Instant timestamp, String message, boolean createGroup) {}

    @Override
    public String targetPrefix() {
        return "Logs_20140328";
    }

    @Override
    public String serviceName() {
        return "logs";
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
