package dev.mamori.vex;

import java.util.Locale;

/**
 * What a VEX statement says about a vulnerability in a product, in OpenVEX's four words; each format's own word is
 * kept beside it in {@link VexStatement#statusText()}.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>status</th><th>CycloneDX {@code analysis.state}</th><th>OpenVEX</th><th>CSAF {@code product_status}</th></tr>
 *   <tr><td>NOT_AFFECTED</td><td>not_affected, false_positive</td><td>not_affected</td><td>known_not_affected</td></tr>
 *   <tr><td>FIXED</td><td>resolved, resolved_with_pedigree</td><td>fixed</td><td>fixed, first_fixed</td></tr>
 *   <tr><td>AFFECTED</td><td>exploitable</td><td>affected</td><td>known_affected, first_affected, last_affected</td></tr>
 *   <tr><td>UNDER_INVESTIGATION</td><td>in_triage</td><td>under_investigation</td><td>under_investigation</td></tr>
 * </table>
 */
public enum VexStatus {
    NOT_AFFECTED, FIXED, AFFECTED, UNDER_INVESTIGATION;

    /** Whether a finding this statement decides is suppressed: not affected, or fixed. */
    public boolean suppresses() {
        return this == NOT_AFFECTED || this == FIXED;
    }

    /** The OpenVEX word: {@code not_affected}, {@code fixed}, {@code affected}, {@code under_investigation}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
