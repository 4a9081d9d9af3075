package dev.mamori.sbom;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SPDX 2 field values into the model, shared by the JSON/YAML and tag-value readers. */
final class Spdx2Fields {
    private static final Pattern TLP = Pattern.compile("TLP:\\s*(CLEAR|WHITE|GREEN|AMBER\\+STRICT|AMBER_AND_STRICT|AMBER|RED)",
            Pattern.CASE_INSENSITIVE);
    static final String FILENAME_PROPERTY = "bsi:component:filename";

    private Spdx2Fields() {}

    /** The spec version from {@code SPDX-2.3}; throws for what is not SPDX 2.0 to 2.3. */
    static String specVersion(ReadContext ctx, String spdxVersion, String where) {
        if (spdxVersion == null) {
            throw ctx.error(where, "no spdxVersion: not an SPDX 2 document");
        }
        String v = spdxVersion.trim();
        if (!v.matches("SPDX-2\\.[0-3]")) {
            throw ctx.error(where, "unsupported SPDX version '" + spdxVersion + "' (SPDX-2.0 to SPDX-2.3 are read)");
        }
        return v.substring(5);
    }

    /** A value that says something: not null, blank, NOASSERTION or NONE. */
    static String value(String v) {
        if (v == null) {
            return null;
        }
        String t = v.trim();
        return t.isEmpty() || t.equals("NOASSERTION") || t.equals("NONE") ? null : t;
    }

    /** The model type for an SPDX 2.3 {@code primaryPackagePurpose}. */
    static String type(String purpose) {
        if (purpose == null) {
            return null;
        }
        String p = purpose.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return p.isEmpty() ? null : p;
    }

    /** The SPDX 2.3 {@code primaryPackagePurpose} for a model type, or null when SPDX has no such purpose. */
    static String purpose(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "application", "framework", "library", "container", "operating-system", "device", "firmware",
                 "source", "archive", "file", "install", "other" -> type.toUpperCase(Locale.ROOT);
            default -> null;
        };
    }

    static void checksum(Component.Builder b, String algorithm, String value) {
        if (algorithm != null && value != null && !value.isBlank()) {
            b.hash(HashAlgorithms.normalize(algorithm.trim()), value.trim());
        }
    }

    static void license(Component.Builder b, String expression, License.Acknowledgement ack) {
        String v = value(expression);
        if (v != null) {
            b.license(License.expression(v, ack));
        }
    }

    static void supplier(Component.Builder b, String text) {
        Party p = SpdxParties.parse(text);
        if (p != null) {
            b.supplier(p);
        }
    }

    /** An originator: an organisation is the manufacturer, a person (or unspecified) an author. */
    static void originator(Component.Builder b, String text) {
        Party p = SpdxParties.parse(text);
        if (p == null) {
            return;
        }
        if (p.kind() == Party.Kind.ORGANIZATION) {
            b.manufacturer(p);
        } else {
            b.author(p);
        }
    }

    static void downloadLocation(Component.Builder b, String text) {
        String v = value(text);
        if (v != null) {
            b.externalReference(new ExternalReference("distribution", v, null));
        }
    }

    static void homepage(Component.Builder b, String text) {
        String v = value(text);
        if (v != null) {
            b.externalReference(new ExternalReference("website", v, null));
        }
    }

    /** One {@code externalRefs} entry: purls, CPEs and SWID tags become identifiers, the rest references. */
    static void externalRef(ReadContext ctx, Component.Builder b, String category, String type, String locator,
                            String comment, String where) {
        if (type == null || locator == null || locator.isBlank()) {
            return;
        }
        String t = type.trim();
        if (t.contains("#")) {
            // tools may write listed types as URIs: http://spdx.org/rdf/references/purl or …#purl
            t = t.substring(t.lastIndexOf('#') + 1);
        } else if (t.startsWith("http://spdx.org/rdf/references/")) {
            t = t.substring(t.lastIndexOf('/') + 1);
        }
        String loc = locator.trim();
        String cat = category == null ? "" : category.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        switch (t) {
            case "purl" -> {
                if (b.purlText() == null) {
                    b.purl(loc, ctx.purl(loc, where));
                } else if (!loc.equals(b.purlText())) {
                    b.identifier(new Identifier("purl", loc));
                }
            }
            case "cpe22Type", "cpe23Type" -> b.cpe(loc);
            case "swid" -> b.swid(new Swid(loc, b.name(), null, null, null, null));
            case "swh" -> b.identifier(new Identifier("swhid", loc));
            case "gitoid" -> b.identifier(new Identifier("omniborId", loc));
            case "advisory" -> b.externalReference(new ExternalReference("advisories", loc, comment));
            case "url", "fix" -> b.externalReference(new ExternalReference("other", loc, comment == null ? t : comment));
            default -> {
                if (cat.equals("OTHER") && CycloneDxPlan.REFERENCE_TYPES.contains(t)) {
                    b.externalReference(new ExternalReference(t, loc, comment));
                } else {
                    b.identifier(new Identifier(t, loc));
                }
            }
        }
    }

    /** A TLP marking in a comment ({@code TLP:AMBER}), in CycloneDX 1.7's spelling, or null. */
    static String tlp(String comment) {
        if (comment == null) {
            return null;
        }
        Matcher m = TLP.matcher(comment);
        if (!m.find()) {
            return null;
        }
        String v = m.group(1).toUpperCase(Locale.ROOT);
        return switch (v) {
            case "WHITE" -> "CLEAR";
            case "AMBER+STRICT" -> "AMBER_AND_STRICT";
            default -> v;
        };
    }
}
