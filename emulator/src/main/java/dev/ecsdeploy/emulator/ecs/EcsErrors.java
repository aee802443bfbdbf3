package dev.ecsdeploy.emulator.ecs;

import dev.ecsdeploy.emulator.http.AwsException;

/** ECS's error codes and the messages AWS sends with them. */
final class EcsErrors {
    private EcsErrors() {}

    static AwsException invalidParameter(String message) {
        return AwsException.client("InvalidParameterException", message);
    }

    static AwsException client(String message) {
        return AwsException.client("ClientException", message);
    }

    static AwsException clusterNotFound() {
        return AwsException.client("ClusterNotFoundException", "Cluster not found.");
    }

    static AwsException serviceNotFound() {
        return AwsException.client("ServiceNotFoundException", "Service not found.");
    }

    static AwsException serviceNotActive() {
        return AwsException.client("ServiceNotActiveException", "Service was not ACTIVE.");
    }

    static AwsException serviceDeploymentNotFound(String arn) {
        return AwsException.client(
                "ServiceDeploymentNotFoundException", "The service deployment " + arn + " does not exist.");
    }

    static AwsException conflict(String message) {
        return AwsException.client("ConflictException", message);
    }

    static AwsException resourceNotFound(String message) {
        return AwsException.client("ResourceNotFoundException", message);
    }

    static AwsException taskSetNotFound() {
        return AwsException.client("TaskSetNotFoundException", "The specified task set does not exist.");
    }
}
