package dev.ecsdeploy.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this library, as Maven built it; used in the user agent AWS sees. */
public final class EcsDeployVersion {
    private static final String VERSION = load();

    private EcsDeployVersion() {}

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EcsDeployVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
