package dev.ecsdeploy.core.input;

/** Thrown by {@link Parsed#value()} when the input was refused; carries the {@link ValidationProblem}. */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient ValidationProblem problem;

    public InvalidInputException(ValidationProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public ValidationProblem problem() {
        return problem;
    }
}
