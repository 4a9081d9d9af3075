package dev.mamori.sbom;

import java.util.List;

/**
 * How a component was found (CycloneDX {@code evidence}): above all for components found in binaries, the
 * identity evidence says which field was established, by which techniques, with what confidence.
 *
 * @param identities  identity evidence (CycloneDX 1.5 has one object, 1.6+ an array)
 * @param occurrences where the component was seen (file paths or other locations), as written
 */
public record Evidence(List<Identity> identities, List<String> occurrences) {

    public Evidence {
        identities = identities == null ? List.of() : List.copyOf(identities);
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }

    public boolean isEmpty() {
        return identities.isEmpty() && occurrences.isEmpty();
    }

    /**
     * One identity claim.
     *
     * @param field          the identity field established: {@code group}, {@code name}, {@code version},
     *                       {@code purl}, {@code cpe}, {@code omniborId}, {@code swhid}, {@code swid}, {@code hash}
     * @param confidence     0 to 1, or null when not stated
     * @param concludedValue the value concluded for that field, or null
     * @param methods        the techniques used
     */
    public record Identity(String field, Double confidence, String concludedValue, List<Method> methods) {
        public Identity {
            methods = methods == null ? List.of() : List.copyOf(methods);
        }
    }

    /**
     * One technique behind an identity claim.
     *
     * @param technique  {@code binary-analysis}, {@code hash-comparison}, {@code filename}, {@code manifest-analysis}…
     * @param confidence 0 to 1, or null when not stated
     * @param value      what the technique found (a hash, a file name…), or null
     */
    public record Method(String technique, Double confidence, String value) {}
}
