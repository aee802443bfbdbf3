// jenkinsci/jenkins core/src/main/java/hudson/model/Result.java
package hudson.model;

import java.io.Serializable;

public final class Result implements Serializable {
    public static final Result SUCCESS = new Result("SUCCESS");
    public static final Result UNSTABLE = new Result("UNSTABLE");
    public static final Result FAILURE = new Result("FAILURE");
    public static final Result NOT_BUILT = new Result("NOT_BUILT");
    public static final Result ABORTED = new Result("ABORTED");

    private final String name;

    private Result(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
