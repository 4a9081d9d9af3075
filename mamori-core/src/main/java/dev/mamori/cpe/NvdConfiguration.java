package dev.mamori.cpe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.version.VersionScheme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An applicability statement of an NVD CVE record (NVD CVE API 2.0 {@code configurations[]}): nodes combined with
 * AND or OR (absent means OR), each node a set of {@link NvdCpeMatch} entries combined with its own operator;
 * configuration and nodes may be negated.
 *
 * <p>A "running on/with" statement is an AND of an OR-node of vulnerable application CPEs and an OR-node of
 * non-vulnerable platform CPEs: the application is vulnerable only when it runs on one of those platforms.
 */
public record NvdConfiguration(Operator operator, boolean negate, List<NvdNode> nodes) {

    public enum Operator { AND, OR }

    /** A vulnerable cpeMatch entry together with the platform CPE it matched. */
    public record Hit(NvdCpeMatch match, Cpe platform) {}

    /**
     * The outcome of evaluating a configuration: whether its expression holds for the platform, and the
     * vulnerable entries that matched in the nodes that made it hold (none when the result comes from a negation).
     */
    public record Evaluation(boolean satisfied, List<Hit> vulnerableHits) {
        public Evaluation {
            vulnerableHits = List.copyOf(vulnerableHits);
        }

        /** The configuration holds and at least one vulnerable entry matched: the platform is affected. */
        public boolean vulnerable() {
            return satisfied && !vulnerableHits.isEmpty();
        }
    }

    public NvdConfiguration {
        Objects.requireNonNull(operator, "operator");
        nodes = List.copyOf(nodes);
    }

    /**
     * Evaluates this configuration against the CPEs present on a platform (installed applications, operating
     * system, hardware), comparing versions with the given scheme (e.g. {@code VersionSchemes.forName("generic")}).
     */
    public Evaluation evaluate(Collection<Cpe> platform, VersionScheme scheme) {
        boolean result = operator == Operator.AND;
        List<Hit> hits = new ArrayList<>();
        for (NvdNode node : nodes) {
            List<Hit> nodeHits = new ArrayList<>();
            boolean value = evaluateNode(node, platform, scheme, nodeHits);
            if (operator == Operator.AND) {
                result &= value;
                hits.addAll(nodeHits);
            } else if (value) {
                result = true;
                hits.addAll(nodeHits);
            }
        }
        if (!result) {
            hits.clear();
        }
        if (negate) {
            return new Evaluation(!result, List.of());
        }
        return new Evaluation(result, hits);
    }

    /** Evaluates several configurations of one CVE: affected when any of them is. */
    public static boolean anyVulnerable(List<NvdConfiguration> configurations, Collection<Cpe> platform,
                                        VersionScheme scheme) {
        for (NvdConfiguration c : configurations) {
            if (c.evaluate(platform, scheme).vulnerable()) {
                return true;
            }
        }
        return false;
    }

    private static boolean evaluateNode(NvdNode node, Collection<Cpe> platform, VersionScheme scheme, List<Hit> hits) {
        boolean and = node.operator() == Operator.AND;
        boolean result = and;
        for (NvdCpeMatch m : node.cpeMatch()) {
            boolean any = false;
            for (Cpe p : platform) {
                if (m.matches(p, scheme)) {
                    any = true;
                    if (m.vulnerable()) {
                        hits.add(new Hit(m, p));
                    }
                }
            }
            result = and ? result && any : result || any;
        }
        if (!result || node.negate()) {
            hits.clear();
        }
        return node.negate() != result;
    }

    // ---------------------------------------------------------------- JSON (NVD CVE API 2.0)

    /**
     * Reads the {@code configurations} array of an NVD CVE API 2.0 record ({@code vulnerabilities[].cve.configurations}).
     * A missing or null array gives an empty list.
     *
     * @throws CpeException when an entry is malformed; the message gives its JSON path, the component names the CPE
     *                      component or JSON field at fault
     */
    public static List<NvdConfiguration> listFromJson(JsonNode configurations) {
        List<NvdConfiguration> out = new ArrayList<>();
        if (configurations == null || configurations.isNull() || configurations.isMissingNode()) {
            return out;
        }
        if (!configurations.isArray()) {
            throw new CpeException("configurations", "configurations is not an array");
        }
        int i = 0;
        for (JsonNode c : configurations) {
            out.add(fromJson(c, "configurations[" + i++ + "]"));
        }
        return out;
    }

    /** Reads one configuration object ({@code {"operator":…, "negate":…, "nodes":[…]}}). */
    public static NvdConfiguration fromJson(JsonNode configuration) {
        return fromJson(configuration, "configuration");
    }

    private static NvdConfiguration fromJson(JsonNode c, String path) {
        JsonNode nodesJson = c.path("nodes");
        if (!nodesJson.isArray()) {
            throw new CpeException("nodes", path + ".nodes is missing or not an array");
        }
        List<NvdNode> nodes = new ArrayList<>();
        int j = 0;
        for (JsonNode n : nodesJson) {
            String nodePath = path + ".nodes[" + j++ + "]";
            JsonNode matches = n.path("cpeMatch");
            if (!matches.isArray()) {
                throw new CpeException("cpeMatch", nodePath + ".cpeMatch is missing or not an array");
            }
            List<NvdCpeMatch> list = new ArrayList<>();
            int k = 0;
            for (JsonNode m : matches) {
                list.add(cpeMatch(m, nodePath + ".cpeMatch[" + k++ + "]"));
            }
            nodes.add(new NvdNode(operator(n, nodePath), n.path("negate").asBoolean(false), list));
        }
        return new NvdConfiguration(operator(c, path), c.path("negate").asBoolean(false), nodes);
    }

    private static Operator operator(JsonNode n, String path) {
        JsonNode op = n.path("operator");
        if (op.isMissingNode() || op.isNull()) {
            return Operator.OR;
        }
        try {
            return Operator.valueOf(op.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CpeException("operator", path + ".operator must be AND or OR, got '" + op.asText() + "'");
        }
    }

    private static NvdCpeMatch cpeMatch(JsonNode m, String path) {
        JsonNode criteria = m.path("criteria");
        if (!criteria.isTextual()) {
            throw new CpeException("criteria", path + ".criteria is missing");
        }
        JsonNode vulnerable = m.path("vulnerable");
        if (!vulnerable.isBoolean()) {
            throw new CpeException("vulnerable", path + ".vulnerable is missing or not a boolean");
        }
        Cpe cpe;
        try {
            cpe = Cpe.parse(criteria.asText());
        } catch (CpeException e) {
            throw new CpeException(e.component(), path + ".criteria: " + e.getMessage());
        }
        try {
            return new NvdCpeMatch(cpe, vulnerable.asBoolean(), text(m, "versionStartIncluding"),
                    text(m, "versionStartExcluding"), text(m, "versionEndIncluding"), text(m, "versionEndExcluding"),
                    text(m, "matchCriteriaId"));
        } catch (IllegalArgumentException e) {
            throw new CpeException("cpeMatch", path + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }
}
