package dev.ecsdeploy.emulator.sts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exact XML STS answers, compared with golden fixtures, as the AWS CLI and other SDKs would receive it. */
class StsWireTest {
    private static final String SIGNATURE =
            "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/sts/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature=0000";

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @Test
    void shouldAnswerGetCallerIdentityInTheQueryProtocolShape() throws Exception {
        HttpResponse<String> response = post("Action=GetCallerIdentity&Version=2011-06-15");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(response.body()).isEqualTo(fixture("get-caller-identity-response.xml"));
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValue("00000000-0000-4000-8000-000000000001");
    }

    @Test
    void shouldAnswerErrorsAsAnErrorResponse() throws Exception {
        HttpResponse<String> response = post("Action=AssumeRole&Version=2011-06-15"
                + "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fnobody&RoleSessionName=wire");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo(fixture("assume-role-access-denied-response.xml"));
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValue("00000000-0000-4000-8000-000000000001");
    }

    private HttpResponse<String> post(String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(aws.emulator().endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", SIGNATURE)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = StsWireTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
