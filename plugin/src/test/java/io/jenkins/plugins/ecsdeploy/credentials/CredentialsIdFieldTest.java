package io.jenkins.plugins.ecsdeploy.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.ecsdeploy.util.FakeItem;
import io.jenkins.plugins.ecsdeploy.util.FakeJenkins;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

class CredentialsIdFieldTest {
    private final RecordingListing listing = new RecordingListing("prod-aws", "dev-keys");

    private static java.util.List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }

    @Test
    void shouldListCredentialsToUsersWhoMayConfigureTheJob() {
        var field = new CredentialsIdField(new FakeJenkins(), listing);

        ListBoxModel model = field.fill(new FakeItem(Item.CONFIGURE), "prod-aws");

        assertThat(values(model)).containsExactly("", "dev-keys", "prod-aws");
        assertThat(listing.fullListings).containsExactly("team/app");
    }

    @Test
    void shouldGiveBackOnlyTheCurrentValueToUsersWhoMayNotConfigureTheJob() {
        var field = new CredentialsIdField(new FakeJenkins(Jenkins.ADMINISTER), listing);
        var readOnly = new FakeItem(Item.READ, Item.EXTENDED_READ, CredentialsProvider.USE_ITEM);

        ListBoxModel model = field.fill(readOnly, "guess");

        assertThat(values(model)).containsExactly("guess");
        assertThat(listing.fullListings).isEmpty();
    }

    @Test
    void shouldListGlobalCredentialsToAdministratorsOnly() {
        assertThat(values(new CredentialsIdField(new FakeJenkins(Jenkins.ADMINISTER), listing).fill(null, "")))
                .containsExactly("", "dev-keys", "prod-aws");
        assertThat(values(
                        new CredentialsIdField(new FakeJenkins(Jenkins.READ, Jenkins.MANAGE), listing).fill(null, "x")))
                .containsExactly("x");
        assertThat(listing.fullListings).containsExactly("global");
    }

    @Test
    void shouldNotTellUsersWithoutPermissionWhetherAnIdExists() {
        var field = new CredentialsIdField(new FakeJenkins(), listing);
        var readOnly = new FakeItem(Item.READ);

        FormValidation known = field.check(readOnly, "prod-aws");
        FormValidation unknown = field.check(readOnly, "nope");

        assertThat(known.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(unknown.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(known.getMessage()).isEqualTo(unknown.getMessage());
    }

    @Test
    void shouldCheckTheIdForUsersWhoMayConfigureTheJob() {
        var field = new CredentialsIdField(new FakeJenkins(), listing);
        var configurer = new FakeItem(Item.CONFIGURE);

        assertThat(field.check(configurer, "prod-aws").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(field.check(configurer, "nope").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(field.check(configurer, "${AWS_CREDS}").kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(field.check(configurer, " ").getMessage()).contains("AWS identity of the agent");
    }
}
