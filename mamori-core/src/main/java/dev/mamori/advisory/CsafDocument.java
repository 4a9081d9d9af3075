package dev.mamori.advisory;

import java.util.List;
import java.util.Map;

/**
 * A CSAF 2.0 / 2.1 document (security advisory, VEX, informational, or a vendor's own category) with its product
 * tree resolved: every {@code product_id} maps to a {@link Product} that carries the purls and CPEs found for it
 * (its own identification helper, or for a relationship product the component's, with the platform's CPEs
 * beside). {@link CsafReader#advisories(CsafDocument)} projects it to one {@link Advisory} per vulnerability.
 *
 * @param tlp               {@code document.distribution.tlp.label} (2.0: WHITE/GREEN/AMBER/RED; 2.1: CLEAR, …), or null
 * @param aggregateSeverity {@code document.aggregate_severity.text}, or null
 * @param products          every product by id, in document order
 * @param productGroups     product group ids to their product ids
 * @param origin            the file or URL it was read from
 */
public record CsafDocument(String id, String title, String category, String csafVersion, String lang,
                           Publisher publisher, String tlp, String aggregateSeverity, String status, String version,
                           String initialReleaseDate, String currentReleaseDate, List<Note> notes,
                           List<Reference> references, Map<String, Product> products,
                           Map<String, List<String>> productGroups, List<VulnEntry> vulnerabilities, String origin) {

    public CsafDocument {
        notes = List.copyOf(notes);
        references = List.copyOf(references);
        products = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(products));
        productGroups = Map.copyOf(productGroups);
        vulnerabilities = List.copyOf(vulnerabilities);
    }

    /** Whether this is a VEX profile document ({@code csaf_vex}). */
    public boolean isVex() {
        return "csaf_vex".equals(category);
    }

    public record Publisher(String name, String category, String namespace) {}

    public record Note(String category, String title, String text) {}

    /**
     * A product of the product tree.
     *
     * @param vendor       the {@code vendor} branch above it, or null
     * @param productName  the {@code product_name} branch above it (or {@code product_family}), or null
     * @param version      the {@code product_version} or {@code product_version_range} branch, or null
     * @param purls        package URLs: its own, or for a relationship product the component's
     * @param cpes         CPE names: its own, or the component's
     * @param platformCpes for a relationship product: the CPEs of the product it relates to (the platform)
     * @param relationship how a relationship product was formed, or null
     */
    public record Product(String productId, String name, String vendor, String productName, String version,
                         List<String> purls, List<String> cpes, List<String> platformCpes, Relationship relationship) {
        public Product {
            purls = List.copyOf(purls);
            cpes = List.copyOf(cpes);
            platformCpes = List.copyOf(platformCpes);
        }
    }

    /** {@code category} ({@code default_component_of}, {@code installed_on}, …), the component and the platform ids. */
    public record Relationship(String category, String productReference, String relatesToProductReference) {}

    /**
     * One entry of {@code vulnerabilities}.
     *
     * @param ids           {@code ids[]} as system name and text
     * @param cwes          CWE ids (2.0 {@code cwe}, 2.1 {@code cwes})
     * @param productStatus status ({@code known_affected}, {@code fixed}, {@code known_not_affected},
     *                      {@code under_investigation}, {@code first_affected}, {@code last_affected},
     *                      {@code first_fixed}, {@code recommended}, 2.1 {@code unknown}) to product ids
     * @param severities    CVSS scores (2.0 {@code scores}, 2.1 {@code metrics}) and qualitative ratings
     * @param releaseDate   2.0 {@code release_date} or 2.1 {@code disclosure_date}, or null
     * @param pointer       the entry's JSON pointer in the document
     */
    public record VulnEntry(String cve, List<Id> ids, String title, List<String> cwes, List<Note> notes,
                            Map<String, List<String>> productStatus, List<Remediation> remediations,
                            List<Threat> threats, List<Flag> flags, List<Score> severities,
                            List<Reference> references, List<String> acknowledgments, String discoveryDate,
                            String releaseDate, String pointer) {
        public VulnEntry {
            ids = List.copyOf(ids);
            cwes = List.copyOf(cwes);
            notes = List.copyOf(notes);
            productStatus = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(productStatus));
            remediations = List.copyOf(remediations);
            threats = List.copyOf(threats);
            flags = List.copyOf(flags);
            severities = List.copyOf(severities);
            references = List.copyOf(references);
            acknowledgments = List.copyOf(acknowledgments);
        }

        /** The product ids with the given status (empty when none). */
        public List<String> productsWithStatus(String status) {
            return productStatus.getOrDefault(status, List.of());
        }
    }

    public record Id(String systemName, String text) {}

    /**
     * A remediation: {@code category} is {@code vendor_fix}, {@code mitigation}, {@code workaround},
     * {@code none_available}, {@code no_fix_planned} (2.1 also {@code fix_planned}, {@code optional_patch}).
     *
     * @param productIds the products it applies to, product groups resolved
     */
    public record Remediation(String category, String details, String url, List<String> productIds, String date) {
        public Remediation {
            productIds = List.copyOf(productIds);
        }
    }

    /** A threat: {@code category} is {@code exploit_status}, {@code impact} or {@code target_set}. */
    public record Threat(String category, String details, List<String> productIds, String date) {
        public Threat {
            productIds = List.copyOf(productIds);
        }
    }

    /**
     * A machine-readable VEX justification: {@code component_not_present}, {@code vulnerable_code_not_present},
     * {@code vulnerable_code_not_in_execute_path}, {@code vulnerable_code_cannot_be_controlled_by_adversary},
     * {@code inline_mitigations_already_exist}.
     */
    public record Flag(String label, List<String> productIds, String date) {
        public Flag {
            productIds = List.copyOf(productIds);
        }
    }

    /** A severity given for some products (empty: the whole vulnerability). */
    public record Score(Severity severity, List<String> productIds) {
        public Score {
            productIds = List.copyOf(productIds);
        }
    }
}
