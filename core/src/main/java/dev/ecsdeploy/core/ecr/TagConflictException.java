package dev.ecsdeploy.core.ecr;

/**
 * A tag in a repository with immutable tags already points at another image; raised before anything is pushed.
 */
public final class TagConflictException extends EcrImageException {
    private static final long serialVersionUID = 1L;
    private final String tag;
    private final String existingDigest;
    private final String newDigest;

    public TagConflictException(String repository, String tag, String existingDigest, String newDigest) {
        super("cannot push " + repository + ":" + tag + ": the repository has immutable tags and " + tag
                + " already points to " + existingDigest + ", not to the new image " + newDigest
                + " (use a new tag, or promote the existing image)");
        this.tag = tag;
        this.existingDigest = existingDigest;
        this.newDigest = newDigest;
    }

    public String tag() {
        return tag;
    }

    public String existingDigest() {
        return existingDigest;
    }

    public String newDigest() {
        return newDigest;
    }
}
