package dev.mamori.sbom;

/** The SBOM standard a document follows; the serialisation (JSON, XML, tag-value…) is {@link Bom#encoding()}. */
public enum SbomFormat {
    CYCLONEDX("CycloneDX"),
    SPDX("SPDX"),
    SWID("SWID");

    private final String displayName;

    SbomFormat(String displayName) {
        this.displayName = displayName;
    }

    /** The standard's own spelling: {@code CycloneDX}, {@code SPDX}, {@code SWID}. */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
