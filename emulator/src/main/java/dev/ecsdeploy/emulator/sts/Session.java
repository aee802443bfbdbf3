package dev.ecsdeploy.emulator.sts;

import java.time.Instant;

/** Temporary credentials issued by AssumeRole, remembered so that calls signed with them know who they are. */
record Session(String accessKeyId, Role role, String sessionName, Instant expiration) {
    String assumedRoleArn(String accountId) {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + role.name() + "/" + sessionName;
    }

    String assumedRoleId() {
        return role.roleId() + ":" + sessionName;
    }
}
