package io.jenkins.plugins.ecsdeploy.credentials;

/** The failure a step gets when the agent whose identity it uses is not there. */
final class AgentMessages {
    private AgentMessages() {}

    static AwsIdentityException gone(String agent) {
        return new AwsIdentityException("Cannot get AWS credentials from " + agent + ": it is not connected. The"
                + " step has no credentialsId, so it uses the AWS identity of the agent it runs on and never falls"
                + " back to another identity. Reconnect the agent, or give the step a credentialsId.");
    }
}
