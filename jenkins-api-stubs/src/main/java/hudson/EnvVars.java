// jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java (a plain map here, for offline tests)
package hudson;

import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(Map<String, String> m) {
        this();
        putAll(m);
    }

    public String expand(String s) {
        throw new UnsupportedOperationException();
    }
}
