package dev.ecsdeploy.core.aws;

import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The service and operation of a failed call. The SDK's exceptions do not carry the operation, so every client
 * {@link AwsClients} builds attaches it to the exception it throws, as a suppressed marker that
 * {@link AwsFailure#describe(Throwable)} reads.
 */
final class OperationContext extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String operation;

    private OperationContext(String service, String operation) {
        super(service + " " + operation, null, false, false);
        this.service = service;
        this.operation = operation;
    }

    String service() {
        return service;
    }

    String operation() {
        return operation;
    }

    static Optional<OperationContext> of(Throwable exception) {
        for (Throwable suppressed : exception.getSuppressed()) {
            if (suppressed instanceof OperationContext context) {
                return Optional.of(context);
            }
        }
        return Optional.empty();
    }

    /** The interceptor that marks every failed call with its service and operation. */
    static final class Marker implements ExecutionInterceptor {
        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            Throwable exception = context.exception();
            if (of(exception).isEmpty()) {
                exception.addSuppressed(new OperationContext(
                        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
            }
        }
    }
}
