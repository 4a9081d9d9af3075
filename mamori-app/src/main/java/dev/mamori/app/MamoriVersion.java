package dev.mamori.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The running Mamori version, taken from the build. */
public final class MamoriVersion {
    private static final String VERSION = load();

    private MamoriVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = MamoriVersion.class.getResourceAsStream("/mamori-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
