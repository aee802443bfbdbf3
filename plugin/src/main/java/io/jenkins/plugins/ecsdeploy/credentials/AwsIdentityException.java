package io.jenkins.plugins.ecsdeploy.credentials;

import hudson.AbortException;

/** A step cannot get an AWS identity; the message says why and what to change. Jenkins prints only the message. */
public class AwsIdentityException extends AbortException {
    private static final long serialVersionUID = 1L;

    public AwsIdentityException(String message) {
        super(message);
    }
}
