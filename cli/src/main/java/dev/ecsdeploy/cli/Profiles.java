package dev.ecsdeploy.cli;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;

/**
 * Checks {@code --profile} before the SDK does: the SDK's own refusal lists every profile in the files, and other
 * people's profile names are none of the user's business in an error message.
 */
final class Profiles {
    private Profiles() {}

    static void requireExisting(String name) {
        boolean exists;
        try {
            exists = ProfileFile.defaultProfileFile().profile(name).isPresent();
        } catch (SdkException | java.io.UncheckedIOException e) {
            throw CliFailure.badInput(
                    "AWS profiles unreadable: " + firstLine(e.getMessage()), "fix the file, or leave out --profile");
        }
        if (!exists) {
            throw CliFailure.badInput(
                    "profile " + name + " does not exist: it is in neither " + files(),
                    "check the spelling, or leave out --profile to use the default credentials");
        }
    }

    private static String files() {
        return ProfileFileLocation.configurationFilePath() + " nor " + ProfileFileLocation.credentialsFilePath();
    }

    private static String firstLine(String text) {
        return text == null ? "no detail" : text.lines().findFirst().orElse("no detail");
    }
}
