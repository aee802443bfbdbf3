package dev.ecsdeploy.core.ecr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;

/** A token is reused until 30 minutes before it expires (12 h tokens), then fetched again. */
class RegistryTokensTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @Test
    void shouldReuseTheTokenUntilThirtyMinutesBeforeItExpires(EcrClient ecr) {
        Instant issued = aws.emulator().now();
        RegistryTokens early = new RegistryTokens(
                ecr, Clock.fixed(issued.plus(Duration.ofHours(11)), ZoneOffset.UTC), ProgressListener.NONE);
        early.credentialFor("reg");
        early.credentialFor("reg");
        assertThat(aws.emulator().callLog().count("ecr", "GetAuthorizationToken"))
                .isOne();

        RegistryTokens late = new RegistryTokens(
                ecr,
                new Clock() {
                    private int calls;

                    @Override
                    public Instant instant() {
                        // The first look happens at issue time; later looks are 11 h 31 min after it.
                        return calls++ == 0
                                ? issued
                                : issued.plus(Duration.ofHours(11).plusMinutes(31));
                    }

                    @Override
                    public java.time.ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }
                },
                ProgressListener.NONE);
        late.credentialFor("reg");
        late.credentialFor("reg");
        assertThat(aws.emulator().callLog().count("ecr", "GetAuthorizationToken"))
                .isEqualTo(3);
    }
}
