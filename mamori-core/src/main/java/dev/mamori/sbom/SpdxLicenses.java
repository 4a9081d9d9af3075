package dev.mamori.sbom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Licence expressions as both SPDX writers (2.3 and 3.0) write them. */
final class SpdxLicenses {
    private SpdxLicenses() {}

    /** Several licence expressions as one: each distinct one once, compound ones in parentheses, joined with AND. */
    static String and(Collection<String> parts) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>(parts);
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        List<String> wrapped = new ArrayList<>();
        for (String p : distinct) {
            wrapped.add(p.contains(" ") && !(p.startsWith("(") && p.endsWith(")")) ? "(" + p + ")" : p);
        }
        return String.join(" AND ", wrapped);
    }

    /** The {@code LicenseRef-} id for a licence known only by its free-text name, or null when it already is one. */
    static String refFor(License l) {
        if (l.kind() == License.Kind.NAME && !l.value().matches("LicenseRef-[A-Za-z0-9.\\-]+")) {
            return "LicenseRef-" + l.value().replaceAll("[^A-Za-z0-9.\\-]+", "-");
        }
        return null;
    }
}
