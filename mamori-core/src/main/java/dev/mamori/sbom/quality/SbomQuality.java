package dev.mamori.sbom.quality;

import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.ExternalReference;
import dev.mamori.sbom.License;
import dev.mamori.sbom.Party;
import dev.mamori.sbom.SbomFormat;
import dev.mamori.sbom.validate.ValidationReport;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores an SBOM against the NTIA (2021), CISA 2025 (draft) and BSI TR-03183-2 v2.1.0 minimum elements
 * (standards.md §2.4): per element the share of components that have it and which ones lack it, document-level
 * elements, hard gates, a 0–100 score and an A–F grade.
 *
 * <p>Score of a profile = 100 × mean over its required elements of the element's share (a document-level element
 * counts 1 when present, 0 when not). Grade: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, E ≥ 50, F below 50, and F whenever a
 * hard gate fails. The overall grade is the worst profile grade. Components scored: every component with the
 * subject, except SPDX files (SPDX {@code files[]}, which are not packages).
 */
public final class SbomQuality {

    private SbomQuality() {}

    /** One element: how to test it on a component (or the document) and whether the profile requires it. */
    private record Element(String id, String name, boolean document, boolean required,
                           Predicate<Component> component, Predicate<Bom> whole) {
        static Element component(String id, String name, boolean required, Predicate<Component> test) {
            return new Element(id, name, false, required, test, null);
        }

        static Element document(String id, String name, boolean required, Predicate<Bom> test) {
            return new Element(id, name, true, required, null, test);
        }
    }

    /** Scores {@code bom} (read from the file {@code validation} is about) against each profile. */
    public static QualityReport assess(Bom bom, ValidationReport validation, Collection<Profile> profiles) {
        List<Component> components = scored(bom);
        Set<String> related = related(bom);
        List<ProfileResult> results = new ArrayList<>();
        char overall = 'A';
        for (Profile p : profiles) {
            ProfileResult r = score(p, bom, validation, components, related);
            results.add(r);
            overall = (char) Math.max(overall, r.grade());
        }
        return new QualityReport(validation.source(), validation.formatLabel(), components.size(), results, overall);
    }

    /** The components scored: all with the subject, SPDX files left out. */
    static List<Component> scored(Bom bom) {
        List<Component> out = new ArrayList<>();
        for (Component c : bom.allComponentsWithSubject()) {
            if (bom.format() == SbomFormat.SPDX && "file".equals(c.type())) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    private static ProfileResult score(Profile p, Bom bom, ValidationReport validation, List<Component> components,
                                       Set<String> related) {
        List<ElementResult> elements = new ArrayList<>();
        double sum = 0;
        int required = 0;
        for (Element e : elements(p, bom, related)) {
            ElementResult r;
            if (e.document()) {
                boolean has = e.whole().test(bom);
                r = new ElementResult(e.id(), e.name(), true, e.required(), has ? 1 : 0, 1, List.of());
            } else {
                int present = 0;
                List<String> missing = new ArrayList<>();
                for (Component c : components) {
                    if (e.component().test(c)) {
                        present++;
                    } else {
                        missing.add(label(c));
                    }
                }
                r = new ElementResult(e.id(), e.name(), false, e.required(), present, components.size(), missing);
            }
            elements.add(r);
            if (e.required()) {
                sum += r.share();
                required++;
            }
        }
        List<Gate> gates = gates(p, bom, validation);
        double score = required == 0 ? 0 : Math.round(1000.0 * sum / required) / 10.0;
        char grade = gates.stream().allMatch(Gate::passed) ? grade(score) : 'F';
        return new ProfileResult(p, elements, gates, score, grade);
    }

    static char grade(double score) {
        if (score >= 90) {
            return 'A';
        }
        if (score >= 80) {
            return 'B';
        }
        if (score >= 70) {
            return 'C';
        }
        if (score >= 60) {
            return 'D';
        }
        return score >= 50 ? 'E' : 'F';
    }

    private static List<Element> elements(Profile p, Bom bom, Set<String> related) {
        Predicate<Component> name = c -> !blank(c.name());
        Predicate<Component> version = c -> !blank(c.version());
        Predicate<Component> supplier = c -> present(c.supplier()) || present(c.manufacturer()) || c.authors().stream().anyMatch(SbomQuality::present);
        Predicate<Component> anyId = c -> !blank(c.purlText()) || !c.cpes().isEmpty() || c.swid() != null || !c.identifiers().isEmpty();
        Set<Component> nested = nested(bom);
        Predicate<Component> dependency = c -> c.bomRef() != null && related.contains(c.bomRef()) || !c.children().isEmpty()
                || nested.contains(c);
        Predicate<Component> hash = c -> !c.hashes().isEmpty();
        Predicate<Component> licence = c -> !c.licenses().isEmpty();
        Predicate<Bom> author = b -> b.metadata().authors().stream().anyMatch(SbomQuality::present)
                || present(b.metadata().supplier()) || present(b.metadata().manufacturer());
        Predicate<Bom> timestamp = b -> isoTimestamp(b.timestamp());
        Predicate<Bom> tool = b -> !b.metadata().tools().isEmpty();
        Predicate<Bom> lifecycle = b -> !b.metadata().lifecycles().isEmpty();
        Predicate<Bom> subject = b -> b.subject() != null;
        Predicate<Bom> graph = b -> b.dependencyEdgeCount() > 0 || b.allComponentsWithSubject().stream().anyMatch(c -> !c.children().isEmpty());
        return switch (p) {
            case NTIA -> List.of(
                    Element.document("D1", "SBOM author", true, author),
                    Element.document("D2", "timestamp (ISO 8601)", true, timestamp),
                    Element.document("D7", "dependency relationships present", true, graph),
                    Element.document("D4", "lifecycle phase", false, lifecycle),
                    Element.document("D6", "primary component described", false, subject),
                    Element.component("C1", "component name", true, name),
                    Element.component("C2", "component version", true, version),
                    Element.component("C3", "supplier name", true, supplier),
                    Element.component("C4", "other unique identifier (purl, CPE, SWID, OmniBOR, SWHID)", true, anyId),
                    Element.component("C5", "dependency relationship", true, dependency),
                    Element.component("C6", "component hash", false, hash),
                    Element.component("C7", "licence", false, licence));
            case CISA_2025 -> List.of(
                    Element.document("D1", "SBOM author", true, author),
                    Element.document("D2", "timestamp (ISO 8601)", true, timestamp),
                    Element.document("D3", "tool name", true, tool),
                    Element.document("D4", "generation context (lifecycle)", true, lifecycle),
                    Element.document("D7", "dependency relationships present", true, graph),
                    Element.document("D6", "primary component described", false, subject),
                    Element.component("C1", "component name", true, name),
                    Element.component("C2", "component version", true, version),
                    Element.component("C3", "software producer", true, supplier),
                    Element.component("C4", "software identifier (purl, CPE, SWID, OmniBOR, SWHID)", true, anyId),
                    Element.component("C5", "dependency relationship", true, dependency),
                    Element.component("C6", "component hash", true, hash),
                    Element.component("C7", "licence", true, licence));
            case BSI_TR_03183_2 -> List.of(
                    Element.document("D1", "SBOM creator with email or URL", true, b -> b.metadata().authors().stream().anyMatch(SbomQuality::contactable)
                            || contactable(b.metadata().supplier()) || contactable(b.metadata().manufacturer())),
                    Element.document("D2", "timestamp (ISO 8601)", true, timestamp),
                    Element.document("D5", "SBOM URI (serial number / document namespace)", true, b -> !blank(b.serialNumber())),
                    Element.document("D6", "primary component described", true, subject),
                    Element.document("D7", "dependency relationships present", true, graph),
                    Element.component("C1", "component name", true, name),
                    Element.component("C2", "component version", true, version),
                    Element.component("C3", "component creator with email or URL", true,
                            c -> contactable(c.supplier()) || contactable(c.manufacturer()) || c.authors().stream().anyMatch(SbomQuality::contactable)),
                    Element.component("C4", "other unique identifier (purl, CPE, SWID)", true,
                            c -> !blank(c.purlText()) || !c.cpes().isEmpty() || c.swid() != null),
                    Element.component("C5", "dependencies", true, dependency),
                    Element.component("C6", "hash of the deployable component (SHA-512)", true, c -> c.hashes().containsKey("SHA-512")),
                    Element.component("C7", "distribution licence (concluded)", true,
                            c -> c.licenses().stream().anyMatch(l -> l.acknowledgement() == License.Acknowledgement.CONCLUDED)),
                    Element.component("C8", "original licence (declared)", true,
                            c -> c.licenses().stream().anyMatch(l -> l.acknowledgement() != License.Acknowledgement.CONCLUDED)),
                    Element.component("C9", "filename", true, c -> "file".equals(c.type()) || !c.propertyValues("bsi:component:filename").isEmpty()),
                    Element.component("C10", "executable, archive and structured properties", true,
                            c -> !c.propertyValues("bsi:component:executable").isEmpty() && !c.propertyValues("bsi:component:archive").isEmpty()
                                    && !c.propertyValues("bsi:component:structured").isEmpty()),
                    Element.component("C11", "source code URI", true, c -> hasReference(c, "vcs", "source-distribution")),
                    Element.component("C12", "URI of the deployable form", true, c -> hasReference(c, "distribution", "distribution-intake")));
        };
    }

    private static List<Gate> gates(Profile p, Bom bom, ValidationReport validation) {
        List<Gate> gates = new ArrayList<>();
        boolean schemaOk = validation.schemaValid();
        String schemaDetail = validation.schema().startsWith("none")
                ? "no official schema applies (" + validation.schema() + ")"
                : validation.schema() + ": " + validation.problems().stream().filter(x -> x.rule().startsWith("schema")).count() + " violations";
        gates.add(new Gate("schema-valid", schemaOk, schemaDetail));
        switch (p) {
            case NTIA -> gates.add(new Gate("machine-readable", true, bom.format().displayName() + " is one of SPDX, CycloneDX, SWID"));
            case CISA_2025 -> gates.add(new Gate("format", bom.format() != SbomFormat.SWID,
                    bom.format() == SbomFormat.SWID ? "SWID is no longer an accepted format (SPDX or CycloneDX)" : bom.format().displayName() + " is accepted"));
            case BSI_TR_03183_2 -> {
                String v = bom.specVersion();
                boolean versionOk = switch (bom.format()) {
                    case CYCLONEDX -> atLeast(v, "1.6");
                    case SPDX -> atLeast(v, "3.0.1");
                    case SWID -> false;
                };
                gates.add(new Gate("format-version", versionOk, bom.format().displayName() + " " + v
                        + (versionOk ? " meets" : " does not meet") + " CycloneDX ≥ 1.6 or SPDX ≥ 3.0.1"));
                boolean encodingOk = "json".equals(bom.encoding()) || "xml".equals(bom.encoding()) || "json-ld".equals(bom.encoding());
                gates.add(new Gate("encoding", encodingOk, bom.encoding() + (encodingOk ? " is" : " is not") + " JSON or XML"));
            }
        }
        return gates;
    }

    /** The bom-refs that take part in the dependency graph, as a source (an entry, even an empty one) or a target. */
    static Set<String> related(Bom bom) {
        Set<String> out = new HashSet<>();
        bom.dependencies().forEach((from, to) -> {
            out.add(from);
            out.addAll(to);
        });
        return out;
    }

    /** The components nested under another one (nesting is an "included in" relationship), by identity. */
    private static Set<Component> nested(Bom bom) {
        Set<Component> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Component c : bom.allComponentsWithSubject()) {
            out.addAll(c.children());
        }
        return out;
    }

    private static boolean hasReference(Component c, String... types) {
        for (ExternalReference r : c.externalReferences()) {
            for (String t : types) {
                if (t.equals(r.type()) && !blank(r.url())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isoTimestamp(String text) {
        if (blank(text)) {
            return false;
        }
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean atLeast(String version, String min) {
        if (version == null) {
            return false;
        }
        String[] a = version.split("\\.");
        String[] b = min.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? parse(a[i]) : 0;
            int y = i < b.length ? parse(b[i]) : 0;
            if (x != y) {
                return x > y;
            }
        }
        return true;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String label(Component c) {
        if (!blank(c.bomRef())) {
            return c.bomRef();
        }
        return c.version() == null ? c.displayName() : c.displayName() + "@" + c.version();
    }

    private static boolean present(Party p) {
        return p != null && !p.isEmpty();
    }

    private static boolean contactable(Party p) {
        return p != null && (!blank(p.email()) || !blank(p.url()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
