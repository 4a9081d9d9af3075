package dev.mamori.sbom.quality;

import java.util.Locale;

/** A minimum-elements profile an SBOM is scored against (field lists: docs/sbom-formats.md, "Quality"). */
public enum Profile {
    /** NTIA "The Minimum Elements For a Software Bill of Materials" (2021-07-12). */
    NTIA("ntia", "NTIA minimum elements (2021)"),
    /** CISA "2025 Minimum Elements for a Software Bill of Materials" (public-comment draft, 2025-08-22). */
    CISA_2025("cisa-2025", "CISA 2025 minimum elements (draft 2025-08-22)"),
    /** BSI TR-03183-2 version 2.1.0 (2025-08-20). */
    BSI_TR_03183_2("bsi-tr-03183-2", "BSI TR-03183-2 v2.1.0");

    private final String cliName;
    private final String title;

    Profile(String cliName, String title) {
        this.cliName = cliName;
        this.title = title;
    }

    /** {@code ntia}, {@code cisa-2025}, {@code bsi-tr-03183-2}. */
    public String cliName() {
        return cliName;
    }

    /** A human title with the document version. */
    public String title() {
        return title;
    }

    /**
     * The profile with this CLI name (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Profile of(String name) {
        for (Profile p : values()) {
            if (p.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; known: ntia, cisa-2025, bsi-tr-03183-2, all");
    }
}
