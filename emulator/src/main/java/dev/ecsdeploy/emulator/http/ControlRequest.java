package dev.ecsdeploy.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A call to the emulator's control API under {@code /_emulator/}. */
public record ControlRequest(String method, String path, Map<String, String> query, JsonNode body) {}
