package dev.mamori.sbom.validate;

import dev.mamori.cpe.Cpe;
import dev.mamori.purl.Purl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules every format shares, applied to the {@link Facts} an extractor found:
 * ids (empty, duplicate, dangling), dependency and containment cycles, purls, CPEs and licences.
 *
 * <p>Cycles are warnings: CycloneDX and SPDX describe real dependency graphs, which may be cyclic, and no format
 * forbids a cycle (the SPDX 2.3 specification's own example has a containment cycle: JenaLib CONTAINS Package while
 * Package hasFiles JenaLib).
 */
final class SemanticRules {
    /** At most this many cycles are reported one by one. */
    static final int MAX_CYCLES = 20;

    private SemanticRules() {}

    static void check(Facts facts, Problems problems) {
        Map<String, String> defined = ids(facts, problems);
        references(facts, defined, problems);
        cycles(facts, problems);
        purls(facts, problems);
        cpes(facts, problems);
        licences(facts, problems);
    }

    private static Map<String, String> ids(Facts facts, Problems problems) {
        Map<String, String> defined = new HashMap<>();
        Map<String, Boolean> lenient = new HashMap<>();
        for (Facts.Definition d : facts.definitions) {
            if (d.id().isEmpty()) {
                problems.error("ref.empty", d.location(), "empty " + facts.idName + ": an id must have at least one character");
                continue;
            }
            String first = defined.putIfAbsent(d.id(), d.location());
            if (first == null) {
                lenient.put(d.id(), d.lenient());
                continue;
            }
            String message = facts.idName + " '" + d.id() + "' is already used at " + (first.isEmpty() ? "the document" : first)
                    + "; every " + facts.idName + " must be unique";
            if (d.lenient() || lenient.get(d.id())) {
                problems.warning("ref.duplicate", d.location(), message + " (repeated inside formulation)");
            } else {
                problems.error("ref.duplicate", d.location(), message);
            }
        }
        return defined;
    }

    private static void references(Facts facts, Map<String, String> defined, Problems problems) {
        for (Facts.Reference r : facts.references) {
            String id = r.id();
            if (id.isEmpty()) {
                problems.add(new Problem(r.severity(), "ref.empty", r.location(), "empty " + r.what()));
                continue;
            }
            if (defined.containsKey(id) || facts.external.contains(id) || isExternal(id, facts)) {
                continue;
            }
            problems.add(new Problem(r.severity(), "ref.dangling", r.location(), r.what() + " '" + id
                    + "' names no element of this document"));
        }
    }

    private static boolean isExternal(String id, Facts facts) {
        if (id.startsWith("urn:cdx:")) {
            return true; // a BOM-Link to another BOM
        }
        int colon = id.indexOf(':');
        return id.startsWith("DocumentRef-") && colon > 0 && facts.externalDocuments.contains(id.substring(0, colon));
    }

    /** Self-edges, then strongly connected components of two or more nodes (Tarjan, iterative). */
    private static void cycles(Facts facts, Problems problems) {
        for (boolean containment : new boolean[] {false, true}) {
            Map<String, List<String>> graph = new LinkedHashMap<>();
            Map<String, String> where = new HashMap<>();
            for (Facts.Edge e : facts.edges) {
                if (e.containment() != containment) {
                    continue;
                }
                if (e.from().equals(e.to())) {
                    if (containment) {
                        problems.warning("containment.cycle", e.location(), "'" + e.from() + "' contains itself");
                    } else {
                        problems.warning("dependency.self", e.location(), "'" + e.from() + "' depends on itself");
                    }
                    continue;
                }
                graph.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
                graph.computeIfAbsent(e.to(), k -> new ArrayList<>());
                where.putIfAbsent(e.from(), e.location());
            }
            int reported = 0;
            for (List<String> scc : stronglyConnected(graph)) {
                if (scc.size() < 2) {
                    continue;
                }
                if (++reported > MAX_CYCLES) {
                    continue;
                }
                String members = String.join(", ", scc.subList(0, Math.min(6, scc.size()))) + (scc.size() > 6 ? ", …" : "");
                String location = where.getOrDefault(scc.getFirst(), "");
                if (containment) {
                    problems.warning("containment.cycle", location, "containment cycle through " + scc.size()
                            + " elements (" + members + "): an element ends up containing itself");
                } else {
                    problems.warning("dependency.cycle", location, "dependency cycle through " + scc.size()
                            + " elements (" + members + ")");
                }
            }
            if (reported > MAX_CYCLES) {
                String rule = containment ? "containment.cycle" : "dependency.cycle";
                problems.add(new Problem(Severity.WARNING, rule, "",
                        (reported - MAX_CYCLES) + " more cycles not listed"));
            }
        }
    }

    static List<List<String>> stronglyConnected(Map<String, List<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        java.util.Set<String> onStack = new java.util.HashSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String root : graph.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            // iterative DFS: frames of (node, next child position)
            Deque<Object[]> frames = new ArrayDeque<>();
            frames.push(new Object[] {root, 0});
            index.put(root, counter[0]);
            low.put(root, counter[0]++);
            stack.push(root);
            onStack.add(root);
            while (!frames.isEmpty()) {
                Object[] f = frames.peek();
                String v = (String) f[0];
                List<String> next = graph.getOrDefault(v, List.of());
                int i = (Integer) f[1];
                if (i < next.size()) {
                    f[1] = i + 1;
                    String w = next.get(i);
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        frames.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    String parent = (String) frames.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> scc = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        scc.add(w);
                    } while (!w.equals(v));
                    java.util.Collections.reverse(scc);
                    out.add(scc);
                }
            }
        }
        return out;
    }

    private static void purls(Facts facts, Problems problems) {
        for (Facts.Identifier p : facts.purls) {
            String text = p.text();
            try {
                Purl.parseStrict(text);
            } catch (RuntimeException strict) {
                try {
                    Purl parsed = Purl.parse(text);
                    problems.warning("purl", p.location(), "purl '" + text + "' is accepted but not canonical: "
                            + strict.getMessage() + " (canonical: " + parsed + ")");
                } catch (RuntimeException e) {
                    problems.error("purl", p.location(), "invalid purl '" + text + "': " + e.getMessage());
                }
            }
        }
    }

    private static void cpes(Facts facts, Problems problems) {
        for (Facts.Identifier c : facts.cpes) {
            try {
                Cpe.parse(c.text().trim());
                if (!c.text().equals(c.text().trim())) {
                    problems.warning("cpe", c.location(), "CPE '" + c.text() + "' has surrounding white space");
                }
            } catch (RuntimeException e) {
                problems.error("cpe", c.location(), "invalid CPE '" + c.text() + "': " + e.getMessage());
            }
        }
    }

    private static void licences(Facts facts, Problems problems) {
        for (Facts.Licence l : facts.licences) {
            String text = l.text().trim();
            if (l.specials() && (text.equals("NONE") || text.equals("NOASSERTION"))) {
                continue;
            }
            if (!l.expression()) {
                checkId(new LicenseExpression.SimpleLicense(text, false), facts, l.location(), problems, false);
                continue;
            }
            LicenseExpression e;
            try {
                e = LicenseExpression.parse(text);
            } catch (LicenseExpressionException ex) {
                problems.error("license.expression", l.location(), "licence expression '" + text + "' is malformed: " + ex.getMessage());
                continue;
            }
            for (LicenseExpression.SimpleLicense s : e.licenses()) {
                checkId(s, facts, l.location(), problems, true);
            }
            for (String ex : e.exceptions()) {
                checkException(ex, l.location(), problems);
            }
        }
    }

    private static void checkId(LicenseExpression.SimpleLicense s, Facts facts, String location, Problems problems,
                                boolean inExpression) {
        String id = s.id();
        if (s.isReference()) {
            if (!inExpression && !id.startsWith("LicenseRef-")) {
                problems.error("license.unknown-id", location, "'" + id + "' is not a licence id");
            } else if (facts.definedLicenseRefs != null && id.startsWith("LicenseRef-") && !facts.definedLicenseRefs.contains(id)) {
                problems.warning("license.undefined-ref", location, "'" + id + "' is used but the document does not define it "
                        + "(hasExtractedLicensingInfos / LicenseID)");
            }
            return;
        }
        if (SpdxLicenseList.isLicenseId(id)) {
            if (SpdxLicenseList.isDeprecated(id) || (s.orLater() && SpdxLicenseList.isDeprecated(id + "+"))) {
                problems.warning("license.deprecated", location, "'" + s + "' is a deprecated SPDX licence id"
                        + replacementHint(id));
            }
            return;
        }
        Optional<String> other = SpdxLicenseList.licenseIdIgnoringCase(id);
        if (other.isPresent()) {
            problems.warning("license.case", location, "licence id '" + id + "' should be written '" + other.get() + "'");
            return;
        }
        if (SpdxLicenseList.isExceptionId(id)) {
            problems.error("license.unknown-id", location, "'" + id + "' is a licence exception, not a licence; use it after WITH");
            return;
        }
        problems.error("license.unknown-id", location, "'" + id + "' is not an SPDX licence id (SPDX License List "
                + SpdxLicenseList.version() + "); use LicenseRef-… for other licences");
    }

    private static String replacementHint(String id) {
        return switch (id) {
            case "GPL-2.0", "GPL-3.0", "LGPL-2.0", "LGPL-2.1", "LGPL-3.0", "AGPL-1.0", "AGPL-3.0", "GFDL-1.1", "GFDL-1.2", "GFDL-1.3" ->
                    " (use " + id + "-only or " + id + "-or-later)";
            case "GPL-2.0-with-classpath-exception" -> " (use GPL-2.0-only WITH Classpath-exception-2.0)";
            case "GPL-2.0-with-autoconf-exception" -> " (use GPL-2.0-only WITH Autoconf-exception-2.0)";
            case "GPL-2.0-with-bison-exception" -> " (use GPL-2.0-or-later WITH Bison-exception-2.2)";
            case "GPL-2.0-with-font-exception" -> " (use GPL-2.0-only WITH Font-exception-2.0)";
            case "GPL-2.0-with-GCC-exception" -> " (use GPL-2.0-only WITH GCC-exception-2.0)";
            case "GPL-3.0-with-autoconf-exception" -> " (use GPL-3.0-only WITH Autoconf-exception-3.0)";
            case "GPL-3.0-with-GCC-exception" -> " (use GPL-3.0-only WITH GCC-exception-3.1)";
            default -> "";
        };
    }

    private static void checkException(String ex, String location, Problems problems) {
        if (ex.startsWith("AdditionRef-") || ex.startsWith("DocumentRef-") || SpdxLicenseList.isExceptionId(ex)) {
            return;
        }
        Optional<String> other = SpdxLicenseList.exceptionIdIgnoringCase(ex);
        if (other.isPresent()) {
            problems.warning("license.case", location, "exception id '" + ex + "' should be written '" + other.get() + "'");
        } else {
            problems.error("license.unknown-exception", location, "'" + ex + "' is not an SPDX licence exception id");
        }
    }
}
