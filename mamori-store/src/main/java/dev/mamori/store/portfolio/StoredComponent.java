package dev.mamori.store.portfolio;

import java.util.List;

/**
 * A component of a release's current SBOM, as stored.
 *
 * @param role             {@code component}, or {@code subject} for what the SBOM describes
 * @param packageEcosystem the purl type of its package key, or empty when it has no usable purl
 * @param packageName      the package key's canonical name (for no purl: the lower-cased group/name)
 * @param componentKey     {@code ecosystem:name@version}: the same component across uploads
 * @param viaRef           the bom-ref just above it on its shortest dependency chain from the SBOM's subject, or null
 * @param dependencyDepth  0 for the subject, 1 for a direct dependency, more for transitive ones; null when no
 *                         dependency reaches it (or it was stored before chains were kept)
 */
public record StoredComponent(long id, long releaseId, long sbomId, String role, String bomRef, String type, String group,
                              String name, String version, String purl, String packageEcosystem, String packageName,
                              List<String> cpes, String componentKey, String viaRef, Integer dependencyDepth) {
    public StoredComponent {
        cpes = List.copyOf(cpes);
    }

    public static final String ROLE_COMPONENT = "component";
    public static final String ROLE_SUBJECT = "subject";
}
