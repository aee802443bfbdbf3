// Stub of jenkinsci/cloudbees-folder-plugin src/main/java/com/cloudbees/hudson/plugins/folder/AbstractFolder.java
package com.cloudbees.hudson.plugins.folder;

import hudson.model.AbstractItem;
import hudson.model.TopLevelItem;

public abstract class AbstractFolder<I extends TopLevelItem> extends AbstractItem implements TopLevelItem {}
