package dev.ecsdeploy.core.input;

import java.util.Optional;

/**
 * The outcome of reading one input: the typed value, or the problem that refused it.
 *
 * @param <T> the value's type
 */
public sealed interface Parsed<T> {
    static <T> Parsed<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Parsed<T> invalid(String message, String hint) {
        return new Invalid<>(new ValidationProblem(message, hint));
    }

    /** Returns the value, or throws {@link InvalidInputException} with the problem. */
    T value();

    /** Returns the problem when the input was refused. */
    Optional<ValidationProblem> problem();

    default boolean isValid() {
        return problem().isEmpty();
    }

    /** An accepted input. */
    record Valid<T>(T value) implements Parsed<T> {
        @Override
        public Optional<ValidationProblem> problem() {
            return Optional.empty();
        }
    }

    /** A refused input. */
    record Invalid<T>(ValidationProblem reason) implements Parsed<T> {
        @Override
        public T value() {
            throw new InvalidInputException(reason);
        }

        @Override
        public Optional<ValidationProblem> problem() {
            return Optional.of(reason);
        }
    }
}
