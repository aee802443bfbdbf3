package dev.ecsdeploy.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One service spoken in AWS JSON 1.1: the server routes a request here when its {@code X-Amz-Target} header starts
 * with {@link #targetPrefix()}. Handlers run one at a time under the emulator's lock, after every service has been
 * advanced to the current emulated time, so they never see a half-applied transition.
 */
public interface AwsJsonService {
    /** For example {@code AmazonEC2ContainerServiceV20141113}. */
    String targetPrefix();

    /** The short name used in the call log and fault rules, for example {@code ecs}. */
    String serviceName();

    /**
     * Answers one operation. Unknown operations must throw {@code AwsException(400, "UnknownOperationException", …)}
     * so gaps fail loudly.
     */
    JsonNode handle(String operation, ObjectNode input, RequestContext context);

    /** Applies every state transition due up to {@code now} (tasks starting, deployments completing, scans ending). */
    default void advanceTo(Instant now) {}

    /** A JSON view of the service's state for the control API's dump. */
    JsonNode dumpState();

    static AwsException unknownOperation(String operation) {
        return AwsException.client("UnknownOperationException", "Unknown operation " + operation);
    }
}
