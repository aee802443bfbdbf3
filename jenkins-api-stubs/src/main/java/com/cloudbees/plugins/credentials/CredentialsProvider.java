// Stub of jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Node;
import hudson.model.Run;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/** The permission constants are stub values: distinct objects carrying the real names. */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    public static final PermissionGroup GROUP = new PermissionGroup(CredentialsProvider.class, null);
    public static final Permission VIEW = new Permission(GROUP, "View", null);
    public static final Permission USE_ITEM = new Permission(GROUP, "UseItem", null);

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException();
    }

    public static <C extends IdCredentials> C findCredentialById(
            String id, Class<C> type, Run<?, ?> run, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException();
    }

    public static <C extends IdCredentials> C findCredentialByIdInItem(
            String id,
            Class<C> type,
            Item item,
            Authentication authentication,
            List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException();
    }

    public static <C extends Credentials> List<C> lookupCredentialsInItem(
            Class<C> type, Item item, Authentication authentication) {
        throw new UnsupportedOperationException();
    }

    public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(
            Class<C> type,
            Item item,
            Authentication authentication,
            List<DomainRequirement> domainRequirements,
            CredentialsMatcher matcher) {
        throw new UnsupportedOperationException();
    }

    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException();
    }

    public static <C extends Credentials> C track(Node node, C credentials) {
        throw new UnsupportedOperationException();
    }

    public static <C extends Credentials> C track(Item item, C credentials) {
        throw new UnsupportedOperationException();
    }

    public static <C extends Credentials> C snapshot(C credentials) {
        throw new UnsupportedOperationException();
    }
}
