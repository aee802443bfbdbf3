// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/Result.java
package hudson.model;

import java.io.Serializable;

/** Works offline: the five constants with their real names, ordinals and completeness. */
public final class Result implements Serializable {
    public static final Result SUCCESS = new Result("SUCCESS", BallColor.BLUE, 0, true);
    public static final Result UNSTABLE = new Result("UNSTABLE", BallColor.YELLOW, 1, true);
    public static final Result FAILURE = new Result("FAILURE", BallColor.RED, 2, true);
    public static final Result NOT_BUILT = new Result("NOT_BUILT", BallColor.NOTBUILT, 3, false);
    public static final Result ABORTED = new Result("ABORTED", BallColor.ABORTED, 4, false);

    public final int ordinal;
    public final BallColor color;
    public final boolean completeBuild;
    private final String name;

    private Result(String name, BallColor color, int ordinal, boolean complete) {
        this.name = name;
        this.color = color;
        this.ordinal = ordinal;
        this.completeBuild = complete;
    }

    public Result combine(Result that) {
        return ordinal < that.ordinal ? that : this;
    }

    public boolean isWorseThan(Result that) {
        return ordinal > that.ordinal;
    }

    public boolean isBetterOrEqualTo(Result that) {
        return ordinal <= that.ordinal;
    }

    public boolean isCompleteBuild() {
        return completeBuild;
    }

    @Override
    public String toString() {
        return name;
    }
}
