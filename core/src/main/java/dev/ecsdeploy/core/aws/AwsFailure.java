package dev.ecsdeploy.core.aws;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What went wrong in one AWS call, as a structured reason the CLI and the plugin render in their own terms: the
 * service, the operation, the HTTP status, AWS's error code and message, and the request id when there is one.
 * {@link #describe(Throwable)} reads it from what the SDK throws; {@link #summary()} is its one line. Nothing in it is
 * ever the text {@code null}.
 *
 * @param kind what sort of failure it is
 * @param service the service as the SDK names it ({@code ECS}, {@code ECR}, {@code CloudWatch Logs}), or empty
 * @param operation the operation ({@code DescribeServices}), or empty when the SDK did not say
 * @param httpStatus the HTTP status, or 0 when there was no answer
 * @param errorCode AWS's error code, or empty
 * @param message AWS's message, the first line of a body that is not AWS's, or the client-side reason
 * @param requestId the request id AWS answered with, or empty
 */
public record AwsFailure(
        Kind kind,
        String service,
        String operation,
        int httpStatus,
        String errorCode,
        String message,
        String requestId) {
    /** The sorts of failure, each rendered in its own words. */
    public enum Kind {
        /** AWS answered with one of its errors. */
        AWS_ERROR,
        /** Something answered, but not with an AWS error (an HTML page from a proxy, an empty body). */
        NOT_AN_AWS_ANSWER,
        /** No credentials were found anywhere the SDK looks. */
        MISSING_CREDENTIALS,
        /** The call never got an answer (network, DNS, timeout, a client-side error). */
        NO_ANSWER
    }

    /** Where the SDK's default chain looks for credentials, in its order. */
    public static final String CREDENTIAL_SOURCES = "the Java system properties aws.accessKeyId/aws.secretAccessKey,"
            + " the environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a web identity token"
            + " (AWS_WEB_IDENTITY_TOKEN_FILE), the shared files ~/.aws/credentials and ~/.aws/config (profile"
            + " AWS_PROFILE or default), the container credentials endpoint and the EC2 instance metadata service";

    private static final int MAX_LINE = 200;

    /** The SDK's service names ({@code Ecs}) as AWS's documentation writes them. */
    private static final Map<String, String> SERVICE_NAMES = Map.of(
            "Ecs", "ECS",
            "Ecr", "ECR",
            "Sts", "STS",
            "CloudWatchLogs", "CloudWatch Logs",
            "ElasticLoadBalancingV2", "Elastic Load Balancing",
            "CodeDeploy", "CodeDeploy");

    public AwsFailure {
        service = SERVICE_NAMES.getOrDefault(orEmpty(service), orEmpty(service));
        operation = orEmpty(operation);
        errorCode = orEmpty(errorCode);
        message = orEmpty(message);
        requestId = orEmpty(requestId);
    }

    /** The failure {@code exception} stands for, or for any of its causes; a plain description otherwise. */
    public static AwsFailure describe(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException aws) {
                return fromService(aws);
            }
            if (cause instanceof SdkClientException client) {
                return fromClient(client);
            }
        }
        return new AwsFailure(Kind.NO_ANSWER, "", "", 0, "", firstLine(String.valueOf(exception.getMessage())), "");
    }

    /** The one line to show: "{service} {operation} failed: {what AWS said}". */
    public String summary() {
        return switch (kind) {
            case AWS_ERROR ->
                call() + " failed: HTTP " + httpStatus + " " + errorCode + ": "
                        + (message.isEmpty() ? "(no message)" : message) + requestIdSuffix();
            case NOT_AN_AWS_ANSWER ->
                call() + " failed: HTTP " + httpStatus + " with "
                        + (message.isEmpty() ? "an empty body" : "a body that is not an AWS error: " + message)
                        + requestIdSuffix();
            case MISSING_CREDENTIALS ->
                "no AWS credentials found" + (call().isEmpty() ? "" : " for " + call()) + ": looked in "
                        + CREDENTIAL_SOURCES;
            case NO_ANSWER -> (call().isEmpty() ? "AWS call" : call()) + " got no answer: " + message;
        };
    }

    /** True when AWS refused because the caller lacks a permission. */
    public boolean isAccessDenied() {
        String code = errorCode.toLowerCase(Locale.ROOT);
        return code.contains("accessdenied") || code.contains("unauthorized");
    }

    /**
     * True when the endpoint does not implement the operation: AWS's {@code UnknownOperationException} (HTTP 400), or
     * HTTP 501 Not Implemented, which some emulators answer instead.
     */
    public boolean isUnknownOperation() {
        return kind != Kind.NO_ANSWER
                && kind != Kind.MISSING_CREDENTIALS
                && (errorCode.endsWith("UnknownOperationException") || httpStatus == 501);
    }

    /** True when {@code exception} says the endpoint does not implement the operation it called. */
    public static boolean isUnknownOperation(Throwable exception) {
        return describe(exception).isUnknownOperation();
    }

    private String call() {
        return (service + " " + operation).strip();
    }

    private String requestIdSuffix() {
        return requestId.isEmpty() ? "" : " (request id " + requestId + ")";
    }

    private static AwsFailure fromService(AwsServiceException aws) {
        AwsErrorDetails details = aws.awsErrorDetails();
        Optional<OperationContext> context = OperationContext.of(aws);
        String service =
                context.map(OperationContext::service).orElse(details == null ? "" : orEmpty(details.serviceName()));
        String operation = context.map(OperationContext::operation).orElse("");
        String code = details == null ? "" : orEmpty(details.errorCode());
        if (code.isEmpty()) {
            String body = details == null || details.rawResponse() == null
                    ? ""
                    : details.rawResponse().asUtf8String();
            return new AwsFailure(
                    Kind.NOT_AN_AWS_ANSWER, service, operation, aws.statusCode(), "", firstLine(body), aws.requestId());
        }
        return new AwsFailure(
                Kind.AWS_ERROR,
                service,
                operation,
                aws.statusCode(),
                code,
                firstLine(orEmpty(details.errorMessage())),
                aws.requestId());
    }

    private static AwsFailure fromClient(SdkClientException client) {
        Optional<OperationContext> context = OperationContext.of(client);
        String service = context.map(OperationContext::service).orElse("");
        String operation = context.map(OperationContext::operation).orElse("");
        String message = orEmpty(client.getMessage());
        if (message.startsWith("Unable to load credentials")) {
            return new AwsFailure(Kind.MISSING_CREDENTIALS, service, operation, 0, "", "", "");
        }
        return new AwsFailure(Kind.NO_ANSWER, service, operation, 0, "", firstLine(message), "");
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
    }

    private static String orEmpty(String text) {
        return text == null || text.equals("null") ? "" : text;
    }
}
