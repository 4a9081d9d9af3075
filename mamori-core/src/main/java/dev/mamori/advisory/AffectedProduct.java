package dev.mamori.advisory;

import java.util.List;

/**
 * A statement about a product named by vendor and product (and CPE or purl where given), as CVE 5, NVD's
 * {@code affected}, JVN and CSAF make them; package-based statements are {@link Affected}.
 *
 * @param vendor        the vendor as written (JVN: in Japanese), or null
 * @param product       the product as written, or null
 * @param cpes          CPE names given for the product (2.3, or 2.2 URIs as JVN's HND feed has them); for a CSAF
 *                      relationship product without a CPE of its own, the CPEs of the platform it belongs to
 * @param purls         package URLs given for the product
 * @param status        the status of the product as a whole ({@code affected}; CSAF: {@code known_affected},
 *                      {@code fixed}, {@code known_not_affected}, {@code under_investigation}, …), or null when
 *                      only the versions carry statuses
 * @param versions      version statements
 * @param defaultStatus the status of versions not listed (CVE 5 {@code defaultStatus}), or null
 * @param statedBy      who made the statement (a CVE 5 container's short name, a CSAF publisher), or null
 * @param productId     the source's id for the product (CSAF {@code product_id}, MyJVN jvnpid), or null
 * @param location      where in the record the statement is (a JSON pointer or an XML path)
 */
public record AffectedProduct(String vendor, String product, List<String> cpes, List<String> purls, String status,
                              List<ProductVersion> versions, String defaultStatus, String statedBy, String productId,
                              String location) {
    public AffectedProduct {
        cpes = List.copyOf(cpes);
        purls = List.copyOf(purls);
        versions = List.copyOf(versions);
    }
}
