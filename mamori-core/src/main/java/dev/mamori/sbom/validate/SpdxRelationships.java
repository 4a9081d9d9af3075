package dev.mamori.sbom.validate;

import java.util.Locale;

/** Which SPDX relationship types are dependency edges and which are containment, for the cycle rules. */
final class SpdxRelationships {
    /** How an edge is kept for the cycle check. */
    enum Kind { DEPENDS, DEPENDENCY_OF, CONTAINS, CONTAINED_BY, OTHER }

    private SpdxRelationships() {}

    /** SPDX 2 ({@code DEPENDS_ON}) and SPDX 3 ({@code dependsOn}) spellings alike. */
    static Kind kind(String type) {
        String t = type.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (t) {
            case "DEPENDSON", "DYNAMICLINK", "STATICLINK", "HASDYNAMICLINK", "HASSTATICLINK" -> Kind.DEPENDS;
            case "DEPENDENCYOF", "BUILDDEPENDENCYOF", "DEVDEPENDENCYOF", "OPTIONALDEPENDENCYOF",
                 "PROVIDEDDEPENDENCYOF", "RUNTIMEDEPENDENCYOF", "TESTDEPENDENCYOF" -> Kind.DEPENDENCY_OF;
            case "CONTAINS" -> Kind.CONTAINS;
            case "CONTAINEDBY" -> Kind.CONTAINED_BY;
            default -> Kind.OTHER;
        };
    }

    /** Adds the edge a relationship stands for, if it is one the cycle rules look at. */
    static void edge(Facts facts, String from, String type, String to, String location) {
        switch (kind(type)) {
            case DEPENDS -> facts.edge(from, to, location, false);
            case DEPENDENCY_OF -> facts.edge(to, from, location, false);
            case CONTAINS -> facts.edge(from, to, location, true);
            case CONTAINED_BY -> facts.edge(to, from, location, true);
            case OTHER -> {
                // not a graph edge the rules check
            }
        }
    }

    /** True for an SPDX 2 element id: {@code SPDXRef-} followed by letters, digits, '.' or '-'. */
    static boolean isSpdxId(String id) {
        if (!id.startsWith("SPDXRef-") || id.length() == "SPDXRef-".length()) {
            return false;
        }
        for (int i = "SPDXRef-".length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
