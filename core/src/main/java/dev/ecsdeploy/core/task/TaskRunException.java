package dev.ecsdeploy.core.task;

/**
 * A run could not be started: the input names something that does not exist, asks for something AWS would reject,
 * or RunTask refused. The message reads "{what happened}: {why}".
 */
public class TaskRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskRunException(String message) {
        super(message);
    }

    public TaskRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
