package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.input.Parsed;
import dev.ecsdeploy.core.input.ValidationProblem;

/** Turns a refused input from core's parser into the CLI's bad-input failure, naming the option to fix. */
final class Inputs {
    private Inputs() {}

    static <T> T require(Parsed<T> parsed, String option) {
        if (parsed.isValid()) {
            return parsed.value();
        }
        ValidationProblem problem = parsed.problem().orElseThrow();
        throw CliFailure.badInput(problem.message(), "use " + option + " " + problem.hint());
    }

    /** Like {@link #require}, with a hint of the caller's where the problem can lie in several options. */
    static <T> T requireOr(Parsed<T> parsed, String hint) {
        if (parsed.isValid()) {
            return parsed.value();
        }
        throw CliFailure.badInput(parsed.problem().orElseThrow().message(), hint);
    }
}
