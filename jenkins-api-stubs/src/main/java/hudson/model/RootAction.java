// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/RootAction.java
package hudson.model;

import hudson.ExtensionPoint;

public interface RootAction extends Action, ExtensionPoint {}
