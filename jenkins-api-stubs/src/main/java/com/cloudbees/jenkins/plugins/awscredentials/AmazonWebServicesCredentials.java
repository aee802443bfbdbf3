// Stub of jenkinsci/aws-credentials-plugin
// src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java
package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** The SDK v2 supertype arrived in aws-credentials 238; the v1 supertype is left out, we never call it. */
public interface AmazonWebServicesCredentials extends StandardCredentials, AwsCredentialsProvider {
    String getDisplayName();

    AwsCredentials resolveCredentials(String mfaToken);
}
