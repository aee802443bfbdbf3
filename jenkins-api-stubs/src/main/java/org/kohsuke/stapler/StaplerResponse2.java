// Stub of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

public interface StaplerResponse2 extends HttpServletResponse {}
