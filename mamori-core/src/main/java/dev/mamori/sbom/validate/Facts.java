package dev.mamori.sbom.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the semantic rules look at, pulled out of a document of any format by its extractor, each with its place.
 * The rules ({@link SemanticRules}) then work the same for every format.
 */
final class Facts {
    /**
     * An element id being defined: a CycloneDX bom-ref, an SPDX 2 SPDXID, an SPDX 3 spdxId.
     *
     * @param lenient true where the format's own examples repeat ids (CycloneDX formulation, whose workflows, tasks
     *                and workspaces are written out again where they are used): a duplicate is then only a warning
     */
    record Definition(String id, String location, boolean lenient) {}

    /**
     * A use of an element id that must resolve.
     *
     * @param severity how bad it is when it does not resolve
     * @param what     what the reference is, for the message ("dependency ref", "relationship target"…)
     */
    record Reference(String id, String location, String what, Severity severity) {}

    /** A graph edge for the cycle check: a dependency, or containment (which may not be cyclic). */
    record Edge(String from, String to, String location, boolean containment) {}

    /** A text that must be a valid purl or CPE. */
    record Identifier(String text, String location) {}

    /**
     * A licence statement.
     *
     * @param expression true for an expression field, false for a field that holds one licence id
     * @param specials   true when {@code NONE} / {@code NOASSERTION} are allowed as the whole value (SPDX)
     */
    record Licence(String text, boolean expression, boolean specials, String location) {}

    final List<Definition> definitions = new ArrayList<>();
    final List<Reference> references = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final List<Identifier> purls = new ArrayList<>();
    final List<Identifier> cpes = new ArrayList<>();
    final List<Licence> licences = new ArrayList<>();
    /** Ids that resolve without being defined here: imported SPDX 3 elements. */
    final Set<String> external = new HashSet<>();
    /** Prefixes of ids that resolve to other documents: {@code DocumentRef-x:} declared by SPDX 2. */
    final Set<String> externalDocuments = new HashSet<>();
    /** {@code LicenseRef-}s the document defines (SPDX 2 extracted licensing info), when it is SPDX. */
    Set<String> definedLicenseRefs;
    /** The word for the ids in messages: {@code bom-ref}, {@code SPDXID}, {@code spdxId}. */
    String idName = "id";

    void define(String id, String location) {
        definitions.add(new Definition(id, location, false));
    }

    void define(String id, String location, boolean lenient) {
        definitions.add(new Definition(id, location, lenient));
    }

    void reference(String id, String location, String what, Severity severity) {
        references.add(new Reference(id, location, what, severity));
    }

    void edge(String from, String to, String location, boolean containment) {
        edges.add(new Edge(from, to, location, containment));
    }

    void purl(String text, String location) {
        purls.add(new Identifier(text, location));
    }

    void cpe(String text, String location) {
        cpes.add(new Identifier(text, location));
    }

    void licence(String text, boolean expression, boolean specials, String location) {
        licences.add(new Licence(text, expression, specials, location));
    }
}
