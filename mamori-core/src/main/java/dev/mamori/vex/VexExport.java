package dev.mamori.vex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A VEX document to write ({@link VexWriter}): who says what about which product. (What is read is a
 * {@link VexDocument}.)
 *
 * @param id         the document's identifier (CycloneDX serial number, OpenVEX {@code @id}, CSAF tracking id)
 * @param author     who makes it (OpenVEX author, CSAF publisher, CycloneDX metadata author)
 * @param product    the product it is about (a release), or null
 * @param statements one per vulnerability and component set
 */
public record VexExport(String id, String author, Instant timestamp, int version, Subject product, List<Statement> statements) {
    public VexExport {
        statements = List.copyOf(statements);
    }

    /**
     * A product or component a statement is about.
     *
     * @param purl   its package URL, or null
     * @param bomRef its reference in an SBOM, or null
     */
    public record Subject(String name, String version, String purl, String bomRef) {
        /** A stable label: the purl, else name@version. */
        public String label() {
            if (purl != null) {
                return purl;
            }
            return version == null ? name : name + "@" + version;
        }
    }

    /**
     * One statement: a vulnerability in components of the product, and what holds for it.
     *
     * @param vulnerabilityId the vulnerability's id (a CVE where there is one)
     * @param aliases         its other ids
     * @param components      the components it is about; empty means the whole product
     * @param justification   one of {@link VexJustification#VALUES} (not_affected), or null
     * @param impactStatement why it is not affected, in words, or null
     * @param actionStatement what to do (affected), or null
     * @param fixedIn         a version that fixes it (affected), or null
     */
    public record Statement(String vulnerabilityId, List<String> aliases, List<Subject> components, VexState state,
                            String justification, String impactStatement, String actionStatement, String fixedIn,
                            Instant timestamp) {
        public Statement {
            aliases = List.copyOf(aliases);
            components = List.copyOf(components);
        }

        /** The id and every alias. */
        public List<String> ids() {
            List<String> out = new ArrayList<>();
            out.add(vulnerabilityId);
            aliases.stream().filter(a -> !a.equals(vulnerabilityId)).forEach(out::add);
            return out;
        }
    }
}
