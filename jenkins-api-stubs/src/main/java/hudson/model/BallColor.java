// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/BallColor.java
package hudson.model;

public enum BallColor {
    RED,
    YELLOW,
    BLUE,
    ABORTED,
    NOTBUILT
}
