// Stub of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

public interface StaplerRequest2 extends HttpServletRequest {
    <T> T findAncestorObject(Class<T> type);

    String getRestOfPath();

    String getRootPath();

    boolean hasParameter(String name);
}
