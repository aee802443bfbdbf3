package dev.ecsdeploy.emulator.http;

/**
 * An error answered in AWS's own shape: an HTTP status, the error code the SDK maps to its typed exception
 * (for example {@code ServiceNotFoundException}) and a message. The protocol codec renders it as JSON 1.1
 * ({@code __type}, {@code message}) or as a Query XML {@code ErrorResponse}.
 */
public class AwsException extends RuntimeException {
    private final int status;
    private final String code;
    private final boolean senderFault;

    public AwsException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.senderFault = status < 500;
    }

    /** A 400 error caused by the request, the most common shape. */
    public static AwsException client(String code, String message) {
        return new AwsException(400, code, message);
    }

    public static AwsException validation(String message) {
        return client("ValidationException", message);
    }

    public static AwsException invalidParameter(String message) {
        return client("InvalidParameterException", message);
    }

    /**
     * A member of the wrong JSON type ({@code {"cluster": 5}}): AWS's JSON 1.1 services answer these with
     * {@code SerializationException} before the operation runs.
     */
    public static AwsException serialization(String member, Object value, String expected) {
        return client(
                "SerializationException",
                "Unexpected value " + value + " for member " + member + ": expected " + expected + ".");
    }

    /** The member as text; a number, boolean, list or object there is a {@link #serialization} error. */
    public static String text(String member, com.fasterxml.jackson.databind.JsonNode value) {
        if (!value.isTextual()) {
            throw serialization(member, value, "a string");
        }
        return value.textValue();
    }

    public static AwsException throttling() {
        return client("ThrottlingException", "Rate exceeded");
    }

    public static AwsException serviceUnavailable(String code) {
        return new AwsException(503, code, "Service unavailable (injected fault)");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean senderFault() {
        return senderFault;
    }
}
