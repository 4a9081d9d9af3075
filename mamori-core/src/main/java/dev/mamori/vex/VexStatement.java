package dev.mamori.vex;

import java.util.List;

/**
 * One statement of a VEX document: a vulnerability, the products it is about, and what it says about them.
 *
 * @param source           the file it was read from
 * @param format           {@code CycloneDX 1.4}, {@code OpenVEX 0.2.0}, {@code CSAF 2.0 csaf_vex}…
 * @param statementId      where it is in its document, e.g. {@code /statements/3},
 *                         {@code /vulnerabilities/0}, or for CSAF
 *                         {@code /vulnerabilities/0/product_status/known_not_affected/CSAFPID-0001}; with the
 *                         statement's own id after it where it has one
 * @param vulnerabilityIds the vulnerability's name and aliases as the statement gives them (the first is its name)
 * @param products         the products it is about
 * @param status           what it says, normalised
 * @param statusText       what it says, in its format's own word ({@code resolved}, {@code known_not_affected}…)
 * @param justification    why not affected ({@code vulnerable_code_not_in_execute_path}, {@code code_not_reachable},
 *                         a CSAF flag label…), or null
 * @param detail           the impact statement, analysis detail or action statement, or null
 * @param timestamp        when it was made or last updated (ISO 8601 as written), or null
 */
public record VexStatement(String source, String format, String statementId, List<String> vulnerabilityIds,
                           List<VexProduct> products, VexStatus status, String statusText, String justification,
                           String detail, String timestamp) {

    public VexStatement {
        vulnerabilityIds = List.copyOf(vulnerabilityIds);
        products = List.copyOf(products);
    }

    /** The vulnerability's name: the first id. */
    public String vulnerability() {
        return vulnerabilityIds.isEmpty() ? null : vulnerabilityIds.getFirst();
    }

    /** One line for people: {@code vex.json /statements/3 (OpenVEX 0.2.0): not_affected, vulnerable_code_not_present}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(source).append(' ').append(statementId).append(" (").append(format).append("): ").append(statusText);
        if (justification != null) {
            b.append(", ").append(justification);
        }
        return b.toString();
    }
}
