// Stub of jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java
package hudson;

import java.util.Map;
import java.util.TreeMap;

/** A map like the real one; {@link #expand} replaces {@code $NAME} and {@code ${NAME}} as Util.replaceMacro does. */
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(Map<String, String> m) {
        this();
        putAll(m);
    }

    public EnvVars(String... keyValuePairs) {
        this();
        for (int i = 0; i + 1 < keyValuePairs.length; i += 2) {
            put(keyValuePairs[i], keyValuePairs[i + 1]);
        }
    }

    public void override(String key, String value) {
        throw new UnsupportedOperationException();
    }

    public String expand(String s) {
        if (s == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$([A-Za-z0-9_.]+|\\{([^}]+)\\})")
                .matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(2) != null ? m.group(2) : m.group(1);
            String value = get(key);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String get(String key, String defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : value;
    }
}
