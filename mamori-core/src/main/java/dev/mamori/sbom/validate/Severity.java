package dev.mamori.sbom.validate;

/** How bad a validation problem is: an error makes the SBOM invalid, a warning does not. */
public enum Severity {
    ERROR, WARNING;

    /** {@code error} or {@code warning}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
