package io.jenkins.plugins.ecsdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import io.jenkins.plugins.ecsdeploy.credentials.IdentityDefaults;
import io.jenkins.plugins.ecsdeploy.util.FakeJenkins;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class EcsDeployGlobalConfigurationTest {
    private final TestConfiguration admin = new TestConfiguration(new FakeJenkins(Jenkins.ADMINISTER));
    private final TestConfiguration reader = new TestConfiguration(new FakeJenkins(Jenkins.READ));

    @Test
    void shouldStartWithTheUsualEnvironmentsAndWithoutTheControllerIdentity() {
        assertThat(admin.getEnvironmentNames()).containsExactly("dev", "staging", "prod");
        assertThat(admin.identityDefaults()).isEqualTo(IdentityDefaults.NONE);
    }

    @Test
    void shouldSaveEverySettingAndHandItToTheResolver() {
        admin.setRegion(" eu-west-1 ");
        admin.setCredentialsId("prod-aws");
        admin.setEndpointUrl("http://127.0.0.1:4599");
        admin.setAllowControllerIdentity(true);
        admin.setEnvironments("qa,  preprod\nproduction");

        assertThat(admin.saves).isEqualTo(5);
        assertThat(admin.identityDefaults())
                .isEqualTo(new IdentityDefaults("eu-west-1", "prod-aws", "http://127.0.0.1:4599", true));
        assertThat(admin.getEnvironmentNames()).containsExactly("qa", "preprod", "production");
    }

    @Test
    void shouldTreatBlankValuesAsUnset() {
        admin.setRegion(" ");
        admin.setCredentialsId("");
        admin.setEnvironments(" ");

        assertThat(admin.getRegion()).isNull();
        assertThat(admin.getCredentialsId()).isNull();
        assertThat(admin.getEnvironmentNames()).containsExactly("dev", "staging", "prod");
    }

    @Test
    void shouldCheckFieldsForAdministrators() {
        assertThat(admin.doCheckRegion("eu-west-1").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(admin.doCheckRegion("Ireland").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(admin.doCheckEndpointUrl("https://vpce-1.ecs.eu-west-1.vpce.amazonaws.com").kind)
                .isEqualTo(FormValidation.Kind.OK);
        assertThat(admin.doCheckEndpointUrl("ftp://x").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(admin.doCheckEnvironments("dev, staging, prod").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(admin.doCheckEnvironments("dev, dev").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(admin.doCheckEnvironments("dev, <b>").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void shouldDenyEveryCheckToUsersWhoAreNotAdministrators() {
        assertThatThrownBy(() -> reader.doCheckRegion("eu-west-1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reader.doCheckEndpointUrl("http://169.254.169.254"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reader.doCheckEnvironments("dev")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldNotLetNonAdministratorsEnumerateCredentials() {
        assertThat(reader.doFillCredentialsIdItems("guess"))
                .extracting(option -> option.value)
                .containsExactly("guess");
        assertThat(reader.doCheckCredentialsId("prod-aws").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(reader.doCheckCredentialsId("nope").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(admin.doFillCredentialsIdItems(""))
                .extracting(option -> option.value)
                .contains("prod-aws");
        assertThat(admin.doCheckCredentialsId("nope").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void shouldTurnTheHistorySettingsIntoARetentionPolicy() {
        TestConfiguration configuration = new TestConfiguration(new FakeJenkins(Jenkins.ADMINISTER));
        assertThat(configuration.historyRetention()).isEqualTo(dev.ecsdeploy.core.history.RetentionPolicy.keepAll());

        configuration.setHistoryMaxAgeDays(90);
        configuration.setHistoryMaxPerTarget(-5);

        assertThat(configuration.historyRetention())
                .isEqualTo(new dev.ecsdeploy.core.history.RetentionPolicy(java.time.Duration.ofDays(90), 0));
    }
}
