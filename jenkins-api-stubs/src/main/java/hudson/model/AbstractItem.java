// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/AbstractItem.java
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {}
