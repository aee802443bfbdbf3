package io.jenkins.plugins.ecsdeploy.credentials;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/** {@link CredentialsListing} through the credentials plugin, following its consumer guide. */
public final class JenkinsCredentialsListing implements CredentialsListing {
    @Override
    public ListBoxModel currentValueOnly(String credentialsId) {
        return new StandardListBoxModel().includeCurrentValue(credentialsId);
    }

    @Override
    public ListBoxModel all(Item item, String credentialsId) {
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(authenticationOf(item), item, StandardCredentials.class, List.of(), usable())
                .includeCurrentValue(credentialsId);
    }

    @Override
    public boolean exists(Item item, String credentialsId) {
        StandardCredentials found = CredentialsProvider.findCredentialByIdInItem(
                credentialsId, StandardCredentials.class, item, authenticationOf(item), List.of());
        return found != null && usable().matches(found);
    }

    private static CredentialsMatcher usable() {
        return CredentialsMatchers.anyOf(
                CredentialsMatchers.instanceOf(AmazonWebServicesCredentials.class),
                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));
    }

    private static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}
