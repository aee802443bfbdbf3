// Stub of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

public interface StaplerResponse2 extends HttpServletResponse {
    void sendRedirect2(String url) throws IOException;
}
