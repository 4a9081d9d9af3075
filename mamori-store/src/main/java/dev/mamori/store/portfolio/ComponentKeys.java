package dev.mamori.store.portfolio;

import dev.mamori.purl.PackageKey;
import dev.mamori.purl.Purl;
import dev.mamori.sbom.Component;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** How a component is identified across uploads and releases. */
public final class ComponentKeys {
    private static final int MAX = 600;

    private ComponentKeys() {}

    /** The package a component is: its purl's package key, or ("", lower-cased group/name) without a purl. */
    public static PackageKey packageKey(Component c) {
        Purl purl = c.purl();
        if (purl != null) {
            return purl.packageKey();
        }
        String name = (c.group() == null || c.group().isBlank() ? "" : c.group() + "/") + c.name();
        return new PackageKey("", name.strip().toLowerCase(Locale.ROOT));
    }

    /** The version that is compared: the purl's, else the component's. */
    public static String version(Component c) {
        Purl purl = c.purl();
        if (purl != null && purl.version() != null) {
            return purl.nativeVersion();
        }
        return c.version();
    }

    /** {@code ecosystem:name@version} (qualifiers dropped); long keys end in a hash so they fit the column. */
    public static String componentKey(PackageKey key, String version) {
        String text = (key.ecosystem().isEmpty() ? "name" : key.ecosystem()) + ":" + key.name() + "@" + (version == null ? "" : version);
        if (text.length() <= MAX) {
            return text;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return text.substring(0, MAX - 33) + "#" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
