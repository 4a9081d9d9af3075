package dev.mamori.cpe;

import java.util.Objects;

/**
 * A CPE 2.3 name as a well-formed name (WFN, NISTIR 7695 §5): eleven attributes, each ANY, NA or a value string.
 *
 * <p>{@link #parse} reads both bindings — the formatted string {@code cpe:2.3:a:vendor:product:version:…} and the
 * URI {@code cpe:/a:vendor:product:version:update:edition:language} (with a packed {@code ~} edition). {@link
 * #toString()} gives the formatted string, {@link #toUri()} the URI, {@link #toWfn()} the WFN notation.
 * Matching per NISTIR 7696 is in {@link CpeMatcher}.
 */
public record Cpe(CpeValue part, CpeValue vendor, CpeValue product, CpeValue version, CpeValue update,
                  CpeValue edition, CpeValue language, CpeValue swEdition, CpeValue targetSw, CpeValue targetHw,
                  CpeValue other) {

    public Cpe {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(swEdition, "swEdition");
        Objects.requireNonNull(targetSw, "targetSw");
        Objects.requireNonNull(targetHw, "targetHw");
        Objects.requireNonNull(other, "other");
        part = CpeBinding.checkPart(part);
        CpeBinding.checkLanguage(language);
    }

    /**
     * Parses either binding: a formatted string ({@code cpe:2.3:…}) or a URI ({@code cpe:/…}).
     *
     * @throws CpeException naming the offending component when the text is not a valid CPE name
     */
    public static Cpe parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.regionMatches(true, 0, "cpe:/", 0, 5)) {
            return CpeBinding.unbindUri(text);
        }
        if (text.regionMatches(true, 0, "cpe:2.3:", 0, 8)) {
            return CpeBinding.unbindFs(text);
        }
        throw new CpeException("prefix", "a CPE name starts with 'cpe:2.3:' or 'cpe:/': '" + text + "'");
    }

    /** Parses a CPE 2.3 formatted string ({@code cpe:2.3:part:vendor:product:…}, 11 attributes). */
    public static Cpe parseFormattedString(String fs) {
        return CpeBinding.unbindFs(Objects.requireNonNull(fs, "fs"));
    }

    /** Parses a CPE URI ({@code cpe:/part:vendor:product:…}); absent trailing components are ANY. */
    public static Cpe parseUri(String uri) {
        return CpeBinding.unbindUri(Objects.requireNonNull(uri, "uri"));
    }

    /**
     * A name from plain (unquoted, wildcard-free) texts; null means ANY. E.g.
     * {@code Cpe.of("a", "google", "chrome", "116.0.5845.100")}.
     */
    public static Cpe of(String part, String vendor, String product, String version) {
        return new Cpe(CpeValue.literal(part), CpeValue.literal(vendor), CpeValue.literal(product),
                CpeValue.literal(version), CpeValue.ANY, CpeValue.ANY, CpeValue.ANY, CpeValue.ANY, CpeValue.ANY,
                CpeValue.ANY, CpeValue.ANY);
    }

    static Cpe fromValues(CpeValue[] v) {
        return new Cpe(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    /** The eleven values in WFN attribute order (part … other). */
    CpeValue[] values() {
        return new CpeValue[] {part, vendor, product, version, update, edition, language, swEdition, targetSw,
                targetHw, other};
    }

    /** A value by its WFN attribute name ({@code part}, {@code vendor}, … {@code sw_edition}, … {@code other}). */
    public CpeValue get(String attribute) {
        CpeValue[] v = values();
        for (int i = 0; i < v.length; i++) {
            if (CpeBinding.ATTRIBUTES[i].equals(attribute)) {
                return v[i];
            }
        }
        throw new IllegalArgumentException("unknown CPE attribute '" + attribute + "'");
    }

    /** This name with another version value. */
    public Cpe withVersion(CpeValue newVersion) {
        return new Cpe(part, vendor, product, newVersion, update, edition, language, swEdition, targetSw, targetHw,
                other);
    }

    /** The formatted-string binding ({@code cpe:2.3:…}). */
    public String toFormattedString() {
        return CpeBinding.bindFs(this);
    }

    /** The URI binding ({@code cpe:/…}); the 2.3 extended attributes are packed into the edition with '~'. */
    public String toUri() {
        return CpeBinding.bindUri(this);
    }

    /** The WFN notation of NISTIR 7695, e.g. {@code wfn:[part="a",vendor="microsoft",…,other=ANY]}. */
    public String toWfn() {
        return CpeBinding.toWfn(this);
    }

    /** True when this name (as source) matches the target per NISTIR 7696: SUPERSET or EQUAL. */
    public boolean matches(Cpe target) {
        return CpeMatcher.matches(this, target);
    }

    /** The formatted-string binding. */
    @Override
    public String toString() {
        return toFormattedString();
    }
}
