package dev.mamori.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spdx.core.CoreModelObject;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v3_0_1.core.Element;
import org.spdx.library.model.v3_0_1.core.ExternalIdentifier;
import org.spdx.library.model.v3_0_1.core.Hash;
import org.spdx.library.model.v3_0_1.core.IntegrityMethod;
import org.spdx.library.model.v3_0_1.core.NoneElement;
import org.spdx.library.model.v3_0_1.core.Relationship;
import org.spdx.library.model.v3_0_1.core.SpdxDocument;
import org.spdx.library.model.v3_0_1.simplelicensing.LicenseExpression;
import org.spdx.library.model.v3_0_1.software.SpdxPackage;
import org.spdx.storage.simple.InMemSpdxStore;
import org.spdx.v3jsonldstore.JsonLDSchema;
import org.spdx.v3jsonldstore.JsonLDStore;

/**
 * The independent judge of Mamori's SPDX 3 output: the SPDX project's own Java implementation
 * (org.spdx:spdx-v3jsonld-store with java-spdx-library / spdx-java-model-3_0). It validates the JSON against the
 * SPDX 3.0.1 JSON schema the store ships, deserialises the graph into its model, runs {@code verify()} on every
 * object, and reports what it saw so tests can compare it with what Mamori wrote.
 */
final class Spdx3Oracle {
    static {
        // the listed-licence data bundled in the jar, never the network
        System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
        SpdxModelFactory.init();
    }

    private static JsonLDSchema schema;

    /**
     * What the independent implementation saw in a document.
     *
     * @param schemaValid   the SPDX 3.0.1 JSON schema accepts the document
     * @param problems      {@code verify()} findings of every object, and references that resolve to no element
     * @param packages      per {@code software_Package}: name, version, purl, identifiers and hashes as one line
     * @param edges         relationship type to its number of {@code to} targets (the NoneElement not counted)
     * @param relationships the number of Relationship elements
     * @param noneTargets   the number of {@code to} targets that are the NoneElement individual
     * @param expressions   the licence expressions the relationships point at, per relationship type
     */
    record Seen(boolean schemaValid, List<String> problems, List<String> packages, Map<String, Integer> edges,
                int relationships, int noneTargets, Map<String, TreeSet<String>> expressions) {}

    private Spdx3Oracle() {}

    private static synchronized JsonLDSchema schema() throws Exception {
        if (schema == null) {
            schema = new JsonLDSchema("schema-v3.0.1.json", "spdx-context-v3.0.1.jsonld", "spdx-model-v3.0.1.jsonld");
        }
        return schema;
    }

    /** Asserts the document is schema-valid, deserialises, verifies clean and names no missing element. */
    static Seen check(byte[] bytes) {
        Seen seen = read(bytes);
        assertThat(seen.schemaValid()).as("SPDX 3.0.1 JSON schema (spdx-v3jsonld-store)").isTrue();
        assertThat(seen.problems()).as("spdx-v3jsonld-store deserialise + verify()").isEmpty();
        return seen;
    }

    static synchronized Seen read(byte[] bytes) {
        try {
            boolean valid = schema().validate(new ObjectMapper().readTree(bytes));
            List<String> problems = new ArrayList<>();
            List<String> packages = new ArrayList<>();
            Map<String, Integer> edges = new TreeMap<>();
            Map<String, TreeSet<String>> expressions = new TreeMap<>();
            int relationships = 0;
            int none = 0;
            try (JsonLDStore store = new JsonLDStore(new InMemSpdxStore())) {
                SpdxDocument doc = (SpdxDocument) store.deSerialize(new ByteArrayInputStream(bytes), false);
                problems.addAll(doc.verify());
                Set<String> inGraph = new HashSet<>();
                List<?> all = SpdxModelFactory.getSpdxObjects(store, null, null, null, null).toList();
                for (Object o : all) {
                    CoreModelObject m = (CoreModelObject) o;
                    inGraph.add(m.getObjectUri());
                    problems.addAll(m.verify());
                }
                for (Object o : all) {
                    if (o instanceof SpdxPackage p) {
                        packages.add(describe(p));
                    } else if (o instanceof Relationship r) {
                        relationships++;
                        String type = r.getRelationshipType().getLongName();
                        resolve(r.getFrom(), inGraph, problems, r.getObjectUri() + " from");
                        for (Element to : r.getTos()) {
                            if (to instanceof NoneElement) {
                                none++;
                                continue;
                            }
                            resolve(to, inGraph, problems, r.getObjectUri() + " to");
                            edges.merge(type, 1, Integer::sum);
                            if (to instanceof LicenseExpression le) {
                                expressions.computeIfAbsent(type, k -> new TreeSet<>()).add(le.getLicenseExpression());
                            }
                        }
                    }
                }
            }
            packages.sort(null);
            return new Seen(valid, problems, packages, edges, relationships, none, expressions);
        } catch (Exception e) {
            return new Seen(false, List.of("spdx-v3jsonld-store failed: " + e), List.of(), Map.of(), 0, 0, Map.of());
        }
    }

    private static void resolve(Element e, Set<String> inGraph, List<String> problems, String where) {
        if (e == null || e.isExternal() || !inGraph.contains(e.getObjectUri())) {
            problems.add(where + " names an element not in the document: " + (e == null ? null : e.getObjectUri()));
        }
    }

    /** A package as the independent model sees it: {@code name|version|purl|[identifiers]|[hashes]}. */
    static String describe(SpdxPackage p) throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        for (ExternalIdentifier x : p.getExternalIdentifiers()) {
            ids.add(x.getExternalIdentifierType().getLongName() + "=" + x.getIdentifier());
        }
        TreeSet<String> hashes = new TreeSet<>();
        for (IntegrityMethod m : p.getVerifiedUsings()) {
            if (m instanceof Hash h) {
                hashes.add(h.getAlgorithm().getLongName() + "=" + h.getHashValue());
            }
        }
        return p.getName().orElse(null) + "|" + p.getPackageVersion().orElse(null) + "|"
                + p.getPackageUrl().orElse(null) + "|" + ids + "|" + hashes;
    }
}
