package io.jenkins.plugins.ecsdeploy.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for the build log: every value it was told about, and anything that looks like an AWS
 * secret key, session token or password assignment. Core promises that its events hold no secret; this is the second
 * line of defence for what AWS itself echoes back (container environment, stopped reasons).
 */
public final class SecretMasker {
    static final String MASK = "****";

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)((?:secret(?:_?access)?_?key|session_?token|password|passwd|token)\\s*[=:]\\s*)(\"?)[^\\s\",;]+");
    private static final Pattern SECRET_KEY_SHAPE = Pattern.compile(
            "(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[A-Z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

    private final List<String> values;

    private SecretMasker(List<String> values) {
        this.values = values;
    }

    /** A masker for these values (blank and very short values are ignored: masking them would garble the log). */
    public static SecretMasker of(List<String> secrets) {
        List<String> values = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                values.add(secret);
            }
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(List.copyOf(values));
    }

    public String mask(String text) {
        String masked = text;
        for (String value : values) {
            masked = masked.replace(value, MASK);
        }
        masked = ASSIGNMENT
                .matcher(masked)
                .replaceAll(match -> Matcher.quoteReplacement(match.group(1) + match.group(2) + MASK));
        return SECRET_KEY_SHAPE.matcher(masked).replaceAll(MASK);
    }
}
