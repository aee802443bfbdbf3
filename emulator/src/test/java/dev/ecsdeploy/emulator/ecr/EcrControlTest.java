package dev.ecsdeploy.emulator.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.ecr.model.ScanStatus;

/** The ECR control paths under /_emulator/ecr/, as an out-of-process test or demo drives them. */
class EcrControlTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldSeedAnImageAndSetItsFindingsAndScanStatus() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("demo").imageScanningConfiguration(s -> s.scanOnPush(true)));

        HttpResponse<String> seeded = post("ecr/images", "{\"repository\":\"demo\",\"tag\":\"v1\",\"labels\":{}}");
        HttpResponse<String> counts =
                post("ecr/findings", "{\"repository\":\"demo\",\"image\":\"v1\",\"counts\":{\"CRITICAL\":4}}");
        aws.emulator().advance(Duration.ofSeconds(10));
        var complete = aws.ecr()
                .describeImageScanFindings(r -> r.repositoryName("demo").imageId(i -> i.imageTag("v1")));
        HttpResponse<String> pinned = post(
                "ecr/scan-status", "{\"repository\":\"demo\",\"image\":\"v1\",\"status\":\"FINDINGS_UNAVAILABLE\"}");
        var unavailable = aws.ecr()
                .describeImageScanFindings(r -> r.repositoryName("demo").imageId(i -> i.imageTag("v1")));

        assertThat(seeded.statusCode()).isEqualTo(200);
        assertThat(seeded.body()).matches("\\{\"digest\":\"sha256:[a-f0-9]{64}\"}");
        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(complete.imageScanFindings().findingSeverityCounts()).containsEntry(FindingSeverity.CRITICAL, 4);
        assertThat(pinned.statusCode()).isEqualTo(200);
        assertThat(unavailable.imageScanStatus().status()).isEqualTo(ScanStatus.FINDINGS_UNAVAILABLE);
    }

    @Test
    void shouldAnswerBadRequestForAnIncompleteBody() throws Exception {
        assertThat(post("ecr/images", "{\"tag\":\"v1\"}").statusCode()).isEqualTo(400);
        assertThat(post("ecr/unknown", "{}").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(aws.emulator().endpoint() + "/_emulator/" + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
