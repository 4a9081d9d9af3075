package dev.mamori.vex;

import dev.mamori.advisory.CsafDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSAF VEX through {@link dev.mamori.advisory.CsafReader}'s document model: every product id under a product status
 * of a vulnerability is one statement about that product's package URLs and CPEs (from the product tree; a
 * relationship product carries its component's). The justification is the product's flag label
 * ({@code vulnerable_code_not_present}…); the detail its {@code impact} threat, or for a fix the vendor fix. A
 * relationship product ({@code openssl as a component of Red Hat Enterprise Linux 8}) keeps its platform's CPEs: the
 * statement then names the package only on that platform.
 */
final class CsafVex {
    private CsafVex() {}

    static VexDocument read(CsafDocument doc, String source) {
        String format = "CSAF " + doc.csafVersion() + " " + doc.category();
        List<String> warnings = new ArrayList<>();
        List<VexStatement> out = new ArrayList<>();
        int unidentified = 0;
        String example = null;
        for (CsafDocument.VulnEntry v : doc.vulnerabilities()) {
            Set<String> ids = new LinkedHashSet<>();
            if (v.cve() != null) {
                ids.add(v.cve());
            }
            for (CsafDocument.Id id : v.ids()) {
                if (id.text() != null && !id.text().isBlank()) {
                    ids.add(id.text().strip());
                }
            }
            if (ids.isEmpty()) {
                warnings.add(source + ": " + v.pointer() + ": no cve or ids, statements not used");
                continue;
            }
            for (Map.Entry<String, List<String>> e : v.productStatus().entrySet()) {
                VexStatus status = switch (e.getKey()) {
                    case "known_not_affected" -> VexStatus.NOT_AFFECTED;
                    case "fixed", "first_fixed" -> VexStatus.FIXED;
                    case "known_affected", "first_affected", "last_affected" -> VexStatus.AFFECTED;
                    case "under_investigation" -> VexStatus.UNDER_INVESTIGATION;
                    default -> null; // recommended, unknown: no statement about exploitability
                };
                if (status == null) {
                    continue;
                }
                for (String pid : e.getValue()) {
                    CsafDocument.Product p = doc.products().get(pid);
                    List<VexProduct> products = new ArrayList<>();
                    if (p != null) {
                        for (String purl : p.purls()) {
                            products.add(new VexProduct(purl, VexJson.purl(purl), null, null, null, null, List.of(),
                                    List.of(), p.platformCpes()));
                        }
                        for (String cpe : p.cpes()) {
                            products.add(new VexProduct(cpe, null, null, null, null, cpe, List.of(), List.of(), p.platformCpes()));
                        }
                    }
                    products.removeIf(x -> !x.matchable());
                    if (products.isEmpty()) {
                        unidentified++;
                        example = example == null ? pid + (p == null ? " (not in the product tree)" : " (" + p.name() + ")") : example;
                        continue;
                    }
                    out.add(new VexStatement(source, format, v.pointer() + "/product_status/" + e.getKey() + "/" + pid,
                            new ArrayList<>(ids), products, status, e.getKey(), justification(v, pid),
                            detail(v, pid, status), doc.currentReleaseDate()));
                }
            }
        }
        if (unidentified > 0) {
            warnings.add(source + ": " + unidentified + " product status entr" + (unidentified == 1 ? "y names a product" : "ies name products")
                    + " without a package URL or CPE, which cannot be matched to components (e.g. " + example + ")");
        }
        return new VexDocument(source, format, out, warnings);
    }

    private static String justification(CsafDocument.VulnEntry v, String pid) {
        for (CsafDocument.Flag f : v.flags()) {
            if (f.productIds().contains(pid)) {
                return f.label();
            }
        }
        return null;
    }

    /** Not affected: the product's impact statement (threat of category impact); fixed: the vendor fix; affected: a remediation. */
    private static String detail(CsafDocument.VulnEntry v, String pid, VexStatus status) {
        if (status == VexStatus.NOT_AFFECTED) {
            for (CsafDocument.Threat t : v.threats()) {
                if ("impact".equals(t.category()) && t.productIds().contains(pid) && t.details() != null) {
                    return t.details();
                }
            }
            return null;
        }
        for (CsafDocument.Remediation r : v.remediations()) {
            if (r.productIds().contains(pid) && r.details() != null
                    && (status != VexStatus.FIXED || "vendor_fix".equals(r.category()))) {
                return r.category() + ": " + r.details();
            }
        }
        return null;
    }
}
