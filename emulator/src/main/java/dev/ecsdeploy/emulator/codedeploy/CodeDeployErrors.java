package dev.ecsdeploy.emulator.codedeploy;

import dev.ecsdeploy.emulator.http.AwsException;

/** CodeDeploy's error codes, each a typed exception in the SDK. */
final class CodeDeployErrors {
    private CodeDeployErrors() {}

    static AwsException of(String code, String message) {
        return AwsException.client(code, message);
    }

    static AwsException applicationMissing(String name) {
        return of("ApplicationDoesNotExistException", "No application found for name: " + name);
    }

    static AwsException groupMissing(String application, String name) {
        return of(
                "DeploymentGroupDoesNotExistException",
                "No Deployment Group found for name: " + name + " in application " + application);
    }

    static AwsException deploymentMissing(String id) {
        return of("DeploymentDoesNotExistException", "Deployment " + id + " does not exist");
    }
}
