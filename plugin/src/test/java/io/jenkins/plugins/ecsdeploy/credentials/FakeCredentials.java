package io.jenkins.plugins.ecsdeploy.credentials;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/** Credentials of a build, as the credentials plugin would find them, with a record of what was tracked. */
final class FakeCredentials implements CredentialsLookup {
    final Map<String, StandardCredentials> byId = new HashMap<>();
    final List<String> tracked = new ArrayList<>();

    FakeCredentials with(StandardCredentials credentials) {
        byId.put(credentials.getId(), credentials);
        return this;
    }

    @Override
    public StandardCredentials find(String credentialsId) {
        return byId.get(credentialsId);
    }

    @Override
    public void track(StandardCredentials credentials) {
        tracked.add(credentials.getId());
    }

    static StandardUsernamePasswordCredentials keys(String id, String accessKeyId, String secretKey) {
        return new StandardUsernamePasswordCredentials() {
            @Override
            public String getId() {
                return id;
            }

            @Override
            public String getDescription() {
                return "access keys";
            }

            @Override
            public String getUsername() {
                return accessKeyId;
            }

            @Override
            public Secret getPassword() {
                return Secret.fromString(secretKey);
            }
        };
    }

    static AmazonWebServicesCredentials aws(String id, String accessKeyId, String secretKey) {
        return new AmazonWebServicesCredentials() {
            @Override
            public String getId() {
                return id;
            }

            @Override
            public String getDescription() {
                return "aws";
            }

            @Override
            public String getDisplayName() {
                return accessKeyId;
            }

            @Override
            public AwsCredentials resolveCredentials() {
                return AwsBasicCredentials.create(accessKeyId, secretKey);
            }

            @Override
            public AwsCredentials resolveCredentials(String mfaToken) {
                return resolveCredentials();
            }
        };
    }

    static StandardCredentials other(String id) {
        return new StandardCredentials() {
            @Override
            public String getId() {
                return id;
            }

            @Override
            public String getDescription() {
                return "a secret file";
            }
        };
    }
}
