package dev.ecsdeploy.core.input;

import java.util.Objects;

/**
 * Why a value was refused, in the words every front end shows: the CLI prints {@code message} and {@code hint}, a
 * Jenkins form shows {@code message} under the field.
 *
 * @param message "{what was wrong}: {why}", e.g. {@code unknown strategy yolo: ecsdeploy knows rolling, ...}
 * @param hint a value that would be accepted, e.g. {@code rolling} (or, where no single value fits, what to do)
 */
public record ValidationProblem(String message, String hint) {
    public ValidationProblem {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }
}
