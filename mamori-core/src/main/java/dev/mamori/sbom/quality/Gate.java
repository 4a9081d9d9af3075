package dev.mamori.sbom.quality;

/**
 * A hard requirement of a profile: failing it makes the grade F whatever the element shares.
 *
 * @param name   what is required ({@code schema-valid}, {@code format-version}…)
 * @param passed whether the SBOM meets it
 * @param detail why it passed or failed
 */
public record Gate(String name, boolean passed, String detail) {}
