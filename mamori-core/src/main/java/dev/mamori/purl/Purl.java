package dev.mamori.purl;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}).
 *
 * <p>Components are held decoded; {@link #toString()} gives the canonical form.
 */
public record Purl(String type, String namespace, String name, String version,
                   SortedMap<String, String> qualifiers, String subpath) {

    public Purl {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        qualifiers = Collections.unmodifiableSortedMap(new TreeMap<>(qualifiers == null ? Map.of() : qualifiers));
    }

    /**
     * Parses a purl string.
     *
     * @throws PurlException when the string is not a valid purl; the message says which part is wrong
     */
    public static Purl parse(String text) {
        return PurlParser.parse(text);
    }

    /** The package this purl names, without version, qualifiers or subpath: the key advisories are filed under. */
    public PackageKey packageKey() {
        return PackageKey.ofPurl(this);
    }

    /** A qualifier's value, or null. */
    public String qualifier(String key) {
        return qualifiers.get(key);
    }

    public Purl withVersion(String newVersion) {
        return new Purl(type, namespace, name, newVersion, qualifiers, subpath);
    }

    @Override
    public String toString() {
        return PurlParser.canonical(this);
    }

    static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
