package dev.ecsdeploy.core.ecr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolAuthTest {
    private static final String ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    private static final String LOCAL = "127.0.0.1:5000";

    @TempDir
    Path root;

    @Test
    void shouldWriteEveryRegistrysDockerCredentialIntoThePrivateConfigFileAndDeleteItOnClose() throws Exception {
        ToolAuth auth = new ToolAuth(new LocalCommandRunner(root), Map.of("DOCKER_HOST", "unix:///s.sock"));

        auth.authorizeDocker(ECR, credential("https://" + ECR, "first-secret"));
        auth.authorizeDocker(LOCAL, credential("http://" + LOCAL, "second-secret"));
        auth.authorizeDocker(LOCAL, credential("http://" + LOCAL, "ignored-once-authorized"));

        Path config = auth.dockerConfigFile();
        JsonNode auths = new ObjectMapper().readTree(Files.readString(config)).get("auths");
        assertThat(decode(auths.get(ECR).get("auth").asText())).isEqualTo("AWS:first-secret");
        assertThat(decode(auths.get(LOCAL).get("auth").asText())).isEqualTo("AWS:second-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(auth.dockerConfig())))
                .isEqualTo("rwx------");
        assertThat(auth.environment())
                .containsEntry("DOCKER_CONFIG", auth.dockerConfig().toString())
                .containsEntry("DOCKER_HOST", "unix:///s.sock")
                .allSatisfy((name, value) -> assertThat(value).doesNotContain("secret"));

        auth.close();
        assertThat(config.getParent()).doesNotExist();
    }

    private static RegistryCredential credential(String endpoint, String password) {
        String token = Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8));
        return RegistryCredential.fromToken(token, endpoint, Instant.parse("2026-01-01T12:00:00Z"));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
