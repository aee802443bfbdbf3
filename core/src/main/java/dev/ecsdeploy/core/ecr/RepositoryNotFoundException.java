package dev.ecsdeploy.core.ecr;

/**
 * The repository does not exist and the request did not ask to create it. Each front end names its own switch for
 * creating it (the CLI's {@code --create-repository}, the step's {@code createRepository}).
 */
public final class RepositoryNotFoundException extends EcrImageException {
    private static final long serialVersionUID = 1L;

    private final String repository;

    public RepositoryNotFoundException(String repository, String message) {
        super(message);
        this.repository = repository;
    }

    /** Returns the repository's name. */
    public String repository() {
        return repository;
    }
}
