package dev.mamori.risk;

/** The CVSS versions Mamori scores. */
public enum CvssVersion {
    V2_0("2.0"), V3_0("3.0"), V3_1("3.1"), V4_0("4.0");

    private final String label;

    CvssVersion(String label) {
        this.label = label;
    }

    /** The version as written in a vector prefix and in JSON ({@code 3.1}). */
    public String label() {
        return label;
    }

    /** Whether the version has Temporal metrics (v2, v3.x) rather than Threat metrics (v4). */
    public boolean hasTemporal() {
        return this != V4_0;
    }
}
