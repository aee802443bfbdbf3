package dev.ecsdeploy.emulator.sts;

import java.time.Duration;
import java.util.Optional;

/** An IAM role that may be assumed (possibly in another account): the external id its trust policy requires, if any, and its MaxSessionDuration. */
record Role(
        String arn, String accountId, String name, String roleId, Optional<String> externalId, Duration maxSession) {}
