package dev.mamori.vex;

import java.time.Instant;
import java.util.List;

/**
 * One VEX statement: a vulnerability in components of the document's product, and what holds for it.
 *
 * @param vulnerabilityId the vulnerability's id (a CVE where there is one)
 * @param aliases         its other ids
 * @param components      the components it is about; empty means the whole product
 * @param justification   one of {@link VexJustification#VALUES} (not_affected), or null
 * @param impactStatement why it is not affected, in words, or null
 * @param actionStatement what to do (affected), or null
 * @param fixedIn         a version that fixes it (affected), or null
 */
public record VexStatement(String vulnerabilityId, List<String> aliases, List<VexProduct> components, VexState state,
                           String justification, String impactStatement, String actionStatement, String fixedIn,
                           Instant timestamp) {
    public VexStatement {
        aliases = List.copyOf(aliases);
        components = List.copyOf(components);
    }

    /** The id and every alias. */
    public List<String> ids() {
        List<String> out = new java.util.ArrayList<>();
        out.add(vulnerabilityId);
        aliases.stream().filter(a -> !a.equals(vulnerabilityId)).forEach(out::add);
        return out;
    }
}
