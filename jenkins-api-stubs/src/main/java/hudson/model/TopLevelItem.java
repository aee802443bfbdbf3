// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/TopLevelItem.java
package hudson.model;

import hudson.ExtensionPoint;

public interface TopLevelItem extends Item, ExtensionPoint {}
