// Stub of jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java
package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** Works offline: the factories keep the kind and the message; rendering is not stubbed. */
public abstract class FormValidation extends IOException implements HttpResponse {
    public final Kind kind;

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public abstract String renderHtml();

    public static FormValidation ok() {
        return respond(Kind.OK, null);
    }

    public static FormValidation ok(String message) {
        return respond(Kind.OK, message);
    }

    public static FormValidation warning(String message) {
        return respond(Kind.WARNING, message);
    }

    public static FormValidation error(String message) {
        return respond(Kind.ERROR, message);
    }

    public static FormValidation error(Throwable e, String message) {
        return respond(Kind.ERROR, message);
    }

    public static FormValidation respond(Kind kind, String html) {
        return new FormValidation(kind, html) {
            @Override
            public String renderHtml() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
