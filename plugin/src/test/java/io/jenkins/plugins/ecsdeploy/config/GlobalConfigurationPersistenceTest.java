package io.jenkins.plugins.ecsdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.AnyTypePermission;
import io.jenkins.plugins.ecsdeploy.util.FakeJenkins;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/**
 * Jenkins persists the global configuration with XStream to {@code io.jenkins.plugins.ecsdeploy.config
 * .EcsDeployGlobalConfiguration.xml}. The stored form is kept as a golden file: a change to it is a change to what
 * users have on disk.
 */
class GlobalConfigurationPersistenceTest {
    private static final String ROOT = EcsDeployGlobalConfiguration.class.getName();

    private static XStream xstream() {
        XStream xstream = new XStream();
        xstream.addPermission(AnyTypePermission.ANY);
        xstream.alias(ROOT, TestConfiguration.class);
        return xstream;
    }

    private static TestConfiguration configured() {
        TestConfiguration configuration = new TestConfiguration(new FakeJenkins(Jenkins.ADMINISTER));
        configuration.setRegion("eu-west-1");
        configuration.setCredentialsId("prod-aws");
        configuration.setEndpointUrl("https://vpce-1.ecs.eu-west-1.vpce.amazonaws.com");
        configuration.setAllowControllerIdentity(true);
        configuration.setEnvironments("dev, staging, prod");
        configuration.setHistoryMaxAgeDays(90);
        configuration.setHistoryMaxPerTarget(500);
        return configuration;
    }

    @Test
    void shouldStoreTheSettingsInTheGoldenForm() throws IOException {
        assertThat(xstream().toXML(configured())).isEqualTo(golden());
    }

    @Test
    void shouldReadTheGoldenFormBack() throws IOException {
        var restored = (EcsDeployGlobalConfiguration) xstream().fromXML(golden());

        assertThat(restored.identityDefaults()).isEqualTo(configured().identityDefaults());
        assertThat(restored.getEnvironmentNames()).containsExactly("dev", "staging", "prod");
        assertThat(restored.historyRetention()).isEqualTo(configured().historyRetention());
    }

    @Test
    void shouldStoreNoSecretAndNoSeam() {
        String xml = xstream().toXML(configured());

        assertThat(xml).doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("password");
        assertThat(xml).doesNotContain("jenkins>").doesNotContain("credentialsField");
    }

    private static String golden() throws IOException {
        try (InputStream in =
                GlobalConfigurationPersistenceTest.class.getResourceAsStream("EcsDeployGlobalConfiguration.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
