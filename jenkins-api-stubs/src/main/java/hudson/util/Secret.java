// Stub of jenkinsci/jenkins core/src/main/java/hudson/util/Secret.java
package hudson.util;

import java.io.Serializable;

/** Works offline as a holder of the plain text; the real one encrypts when persisted. */
public final class Secret implements Serializable {
    private final String value;

    Secret(String value) {
        this.value = value;
    }

    public String getPlainText() {
        return value;
    }

    public String getEncryptedValue() {
        throw new UnsupportedOperationException();
    }

    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }

    public static Secret decrypt(String data) {
        throw new UnsupportedOperationException();
    }

    public static String toString(Secret s) {
        return s == null ? "" : s.value;
    }
}
