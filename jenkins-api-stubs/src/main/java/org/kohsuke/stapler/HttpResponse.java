// Stub of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/HttpResponse.java
package org.kohsuke.stapler;

public interface HttpResponse {}
