package dev.ecsdeploy.core.history;

/**
 * Who started an operation and from which build; every field may be null (a CLI run has no job).
 *
 * @param user the user name (Jenkins user id, or the operating-system user for the CLI)
 * @param job the job's full name
 * @param buildNumber the build number within the job
 * @param buildUrl an absolute URL of the build page
 * @param branch the source branch the build ran on (a multibranch branch, {@code GIT_BRANCH}), or null
 * @param trigger what started the build when no user did (an SCM change, a timer, an upstream job), or null
 */
public record Origin(String user, String job, Integer buildNumber, String buildUrl, String branch, String trigger) {
    /** Returns an origin without branch and trigger, as recorded before they existed. */
    public Origin(String user, String job, Integer buildNumber, String buildUrl) {
        this(user, job, buildNumber, buildUrl, null, null);
    }

    /** Returns an origin naming only a user, as the CLI records it. */
    public static Origin user(String user) {
        return new Origin(user, null, null, null);
    }

    /** Returns "job #number" when both are known, else the job, else null. */
    public String buildLabel() {
        if (job == null) {
            return buildNumber == null ? null : "#" + buildNumber;
        }
        return buildNumber == null ? job : job + " #" + buildNumber;
    }

    /** Returns the user, else the trigger, else null: who or what to name as having started it. */
    public String startedBy() {
        return user != null ? user : trigger;
    }
}
