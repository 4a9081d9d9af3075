package dev.mamori.advisory;

import java.util.List;

/**
 * An NVD applicability statement ({@code configurations[]} of the CVE API 2.0, {@code cpeApplicability} of CVE 5 and
 * MyJVN), kept exactly as published. A plain data record: evaluating it against installed software is another
 * package's job.
 *
 * @param operator how the nodes combine ({@code AND} / {@code OR}); null means {@code OR}
 * @param negate   whether the result is negated
 * @param nodes    the nodes
 */
public record CpeConfiguration(String operator, boolean negate, List<Node> nodes) {
    public CpeConfiguration {
        nodes = List.copyOf(nodes);
    }

    /** One node: CPE match criteria combined with {@code operator}. */
    public record Node(String operator, boolean negate, List<Match> matches) {
        public Node {
            matches = List.copyOf(matches);
        }
    }

    /**
     * One match criterion: a CPE 2.3 name (MyJVN may give a {@code jvnpid:} here) with an optional version range.
     *
     * @param vulnerable      whether matching software is vulnerable (false: a platform it must run on)
     * @param matchCriteriaId NVD's id of the criterion, or null
     */
    public record Match(boolean vulnerable, String criteria, String matchCriteriaId, String versionStartIncluding,
                        String versionStartExcluding, String versionEndIncluding, String versionEndExcluding) {}
}
