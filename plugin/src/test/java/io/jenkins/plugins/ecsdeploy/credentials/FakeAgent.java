package io.jenkins.plugins.ecsdeploy.credentials;

import java.util.ArrayDeque;
import java.util.Deque;

/** An agent whose default chain answers the queued credentials in turn, or that is gone. */
final class FakeAgent implements AgentIdentity {
    private final Deque<SessionCredentialsSnapshot> answers = new ArrayDeque<>();
    private boolean connected = true;
    int calls;

    FakeAgent answering(SessionCredentialsSnapshot... snapshots) {
        answers.addAll(java.util.List.of(snapshots));
        return this;
    }

    void disconnect() {
        connected = false;
    }

    @Override
    public boolean isController() {
        return false;
    }

    @Override
    public String describe() {
        return "agent 'linux-1'";
    }

    @Override
    public SessionCredentialsSnapshot resolveDefaultChain() throws AwsIdentityException {
        calls++;
        if (!connected) {
            throw AgentMessages.gone(describe());
        }
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }
}
