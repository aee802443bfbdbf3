// Stub of jenkinsci/jenkins core/src/main/java/hudson/ExtensionPoint.java
package hudson;

public interface ExtensionPoint {}
