package dev.mamori.sbom.quality;

import java.util.List;

/**
 * An SBOM scored against one or more profiles.
 *
 * @param source     the file name
 * @param format     {@code CycloneDX 1.6 JSON}…
 * @param components how many components were scored
 * @param profiles   one result per profile asked for
 * @param grade      the overall grade: the worst profile grade
 */
public record QualityReport(String source, String format, int components, List<ProfileResult> profiles, char grade) {

    public QualityReport {
        profiles = List.copyOf(profiles);
    }
}
