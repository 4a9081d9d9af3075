package dev.mamori.purl;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}).
 *
 * <p>Components are held decoded and normalised per the purl specification and the type's definition
 * (e.g. pypi names lowercased with {@code _} replaced by {@code -}, github namespace and name lowercased);
 * {@link #toString()} gives the canonical form. Create purls with {@link #parse}, {@link #parseStrict} or
 * {@link #of}, which validate and normalise; the canonical constructor only copies.
 */
public record Purl(String type, String namespace, String name, String version,
                   SortedMap<String, String> qualifiers, String subpath) {

    public Purl {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        qualifiers = Collections.unmodifiableSortedMap(new TreeMap<>(qualifiers == null ? Map.of() : qualifiers));
    }

    /**
     * Parses a purl string, normalising what the specification says a parser should repair: the case of the
     * scheme, type and qualifier keys, redundant slashes after {@code pkg:}, empty qualifier values, empty,
     * {@code .} and {@code ..} subpath segments, surrounding whitespace, and each type's case and name rules.
     *
     * @throws PurlException when the string is not a valid purl; the message and {@link PurlException#component()}
     *                       say which part is wrong
     */
    public static Purl parse(String text) {
        return PurlParser.parse(text, false);
    }

    /**
     * Parses a purl string with the strict conformance rules of ECMA-427: like {@link #parse} but a qualifier
     * key that is not lower case, or surrounding whitespace, is an error instead of being repaired.
     *
     * @throws PurlException when the string is not a valid purl
     */
    public static Purl parseStrict(String text) {
        return PurlParser.parse(text, true);
    }

    /**
     * Builds a purl from decoded components, validating and normalising them like {@link #parse}.
     * {@code namespace} and {@code subpath} are '/'-separated; null or empty version and qualifier values mean
     * absent.
     *
     * @throws PurlException when the components do not make a valid purl (no type, no name, a namespace the
     *                       type prohibits or lacks, an invalid qualifier key, a missing required qualifier, …)
     */
    public static Purl of(String type, String namespace, String name, String version,
                          Map<String, String> qualifiers, String subpath) {
        return PurlParser.build(type, namespace, name, version, qualifiers, subpath);
    }

    /** A purl without qualifiers or subpath; see {@link #of(String, String, String, String, Map, String)}. */
    public static Purl of(String type, String namespace, String name, String version) {
        return of(type, namespace, name, version, null, null);
    }

    /** The package this purl names, without version, qualifiers or subpath: the key advisories are filed under. */
    public PackageKey packageKey() {
        return PackageKey.ofPurl(this);
    }

    /** A qualifier's value, or null. */
    public String qualifier(String key) {
        return qualifiers.get(key);
    }

    /** This purl with another version (null for none), normalised as the type requires. */
    public Purl withVersion(String newVersion) {
        return of(type, namespace, name, newVersion, qualifiers, subpath);
    }

    /**
     * The version as the ecosystem's tools write it. For rpm an {@code epoch} qualifier is folded in
     * ({@code epoch:version}) unless the version already carries one; otherwise the version itself.
     */
    public String nativeVersion() {
        if (version == null) {
            return null;
        }
        String epoch = qualifiers.get("epoch");
        if ("rpm".equals(type) && epoch != null && version.indexOf(':') < 0) {
            return epoch + ":" + version;
        }
        return version;
    }

    /** True when this purl's type has a definition in the purl specification. */
    public boolean hasKnownType() {
        return PurlTypes.definedTypes().contains(type);
    }

    /** The canonical form. */
    @Override
    public String toString() {
        return PurlParser.canonical(this);
    }
}
