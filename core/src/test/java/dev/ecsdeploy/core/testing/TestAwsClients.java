package dev.ecsdeploy.core.testing;

import dev.ecsdeploy.core.aws.AwsClients;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** AWS clients for tests, on the JDK's HTTP client (core bundles none; callers choose). */
public final class TestAwsClients {
    private TestAwsClients() {}

    public static AwsClients create() {
        return AwsClients.create(UrlConnectionHttpClient.builder());
    }
}
