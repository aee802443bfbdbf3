package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.input.InputParser;
import dev.ecsdeploy.core.input.Parsed;
import java.time.Duration;
import picocli.CommandLine.TypeConversionException;

/** Hands picocli's duration options to core's {@link InputParser#duration}, so they read what the plugin reads. */
final class DurationConverter {
    private DurationConverter() {}

    static Duration parse(String text) {
        Parsed<Duration> parsed = InputParser.duration(text);
        if (!parsed.isValid()) {
            throw new TypeConversionException(parsed.problem().orElseThrow().message());
        }
        return parsed.value();
    }
}
