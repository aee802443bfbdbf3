package dev.ecsdeploy.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One service spoken in the AWS Query protocol (form-encoded {@code Action=…} request, XML response), routed by
 * the signing name in the SigV4 credential scope. Errors are thrown as {@link AwsException} and rendered by the
 * server as an XML {@code ErrorResponse}.
 */
public interface AwsQueryService {
    /** The SigV4 signing name, for example {@code sts}. */
    String serviceName();

    /** The XML namespace of responses, for example {@code https://sts.amazonaws.com/doc/2011-06-15/}. */
    String xmlNamespace();

    /**
     * Returns the inner XML of {@code <ActionResult>} (the server wraps it in {@code <ActionResponse>} with the
     * {@code ResponseMetadata}).
     */
    String handle(String action, Map<String, String> parameters, RequestContext context);

    JsonNode dumpState();
}
