package dev.ecsdeploy.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Answers the control API; returns the JSON to send, or throws {@link AwsException} (404 for an unknown path). */
@FunctionalInterface
public interface ControlHandler {
    JsonNode handle(ControlRequest request);
}
