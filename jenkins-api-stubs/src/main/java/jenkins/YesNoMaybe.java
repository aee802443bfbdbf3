// Stub of jenkinsci/jenkins core/src/main/java/jenkins/YesNoMaybe.java
package jenkins;

public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
