package dev.mamori.vex;

import java.util.Locale;

/** The VEX formats Mamori reads and writes. */
public enum VexFormat {
    /** A CycloneDX 1.6 BOM with {@code vulnerabilities[].analysis} (JSON). */
    CYCLONEDX,
    /** OpenVEX 0.2.0 (JSON-LD); 0.0.1 is read too. */
    OPENVEX,
    /** A CSAF 2.0 document of category {@code csaf_vex}. */
    CSAF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static VexFormat parse(String text) {
        for (VexFormat f : values()) {
            if (f.label().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown VEX format '" + text + "': use cyclonedx, openvex or csaf");
    }
}
