package dev.ecsdeploy.emulator.sts;

import java.time.Instant;

/** Temporary credentials issued by AssumeRole, remembered so that calls signed with them know who they are. */
record Session(String accessKeyId, Role role, String sessionName, Instant expiration) {
    /** A session belongs to the role's account, which differs from the caller's for a cross-account role. */
    String assumedRoleArn() {
        return "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName;
    }

    String assumedRoleId() {
        return role.roleId() + ":" + sessionName;
    }
}
