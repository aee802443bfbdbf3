// Stub of jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleChecker.java
package org.jenkinsci.remoting;

public abstract class RoleChecker {}
