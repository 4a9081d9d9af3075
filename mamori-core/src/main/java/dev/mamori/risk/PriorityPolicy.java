package dev.mamori.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * How findings are ordered and explained. A versioned JSON file; the default is
 * {@code dev/mamori/risk/priority-policy.json}:
 * <pre>{@code
 * {"schema": "mamori-priority-policy/1", "name": "default", "version": "1",
 *  "ssvcTree": "cisa-coordinator",
 *  "order": ["ssvc", "kev", "exploitation", "epssPercentile", "environmentalScore", "safetyImpact"],
 *  "exploitMaturityWhenNoEvidence": "not-defined",
 *  "reasons": ["exploitation", "automatable", "technicalImpact", "epss", "cvss", "safety", "weakness"]}
 * }</pre>
 * {@code order}: sort keys, each most urgent first; ties end with the vulnerability id. {@code ssvcTree}: which
 * decision leads the reason line and the {@code ssvc} key ({@code cisa-coordinator} or {@code deployer}).
 * {@code exploitMaturityWhenNoEvidence}: {@code not-defined} leaves CVSS v4 E unset (scored as Attacked, the
 * worst case) or {@code unreported} sets E:U. {@code reasons}: which facts the one-line reason shows, in order.
 */
public record PriorityPolicy(String name, String version, String ssvcTree, List<String> order,
        boolean unreportedWhenNoEvidence, List<String> reasons) {

    public static final String SCHEMA = "mamori-priority-policy/1";
    /** Sort keys a policy may use. */
    public static final List<String> KEYS = List.of("ssvc", "deployer", "kev", "ransomware", "exploitation",
            "automatable", "epss", "epssPercentile", "environmentalScore", "baseScore", "safetyImpact");
    /** Reason kinds a policy may show. */
    public static final List<String> REASONS = List.of("exploitation", "automatable", "technicalImpact", "epss",
            "cvss", "safety", "weakness");
    private static final Set<String> FIELDS = Set.of("schema", "name", "version", "ssvcTree", "order",
            "exploitMaturityWhenNoEvidence", "reasons");

    public PriorityPolicy {
        order = List.copyOf(order);
        reasons = List.copyOf(reasons);
    }

    /** The policy shipped with Mamori. */
    public static PriorityPolicy defaults() {
        try (InputStream in = PriorityPolicy.class.getResourceAsStream("priority-policy.json")) {
            return read(in, "priority-policy.json (built in)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a policy file.
     *
     * @throws InputException naming the source and the field for unknown fields, keys or values
     */
    public static PriorityPolicy read(InputStream in, String source) {
        JsonNode root = JsonInput.readTree(in, source);
        if (!root.isObject()) {
            throw new InputException(source, "", "a priority policy is a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new InputException(source, "/" + f, "unknown field '" + f + "'");
            }
        }
        if (!SCHEMA.equals(root.path("schema").asText(null))) {
            throw new InputException(source, "/schema", "expected \"schema\": \"" + SCHEMA + "\"");
        }
        String tree = root.path("ssvcTree").asText("cisa-coordinator");
        if (!tree.equals("cisa-coordinator") && !tree.equals("deployer")) {
            throw new InputException(source, "/ssvcTree", "ssvcTree is cisa-coordinator or deployer, not '" + tree + "'");
        }
        String maturity = root.path("exploitMaturityWhenNoEvidence").asText("not-defined");
        if (!maturity.equals("not-defined") && !maturity.equals("unreported")) {
            throw new InputException(source, "/exploitMaturityWhenNoEvidence",
                    "exploitMaturityWhenNoEvidence is not-defined or unreported, not '" + maturity + "'");
        }
        return new PriorityPolicy(root.path("name").asText("unnamed"), root.path("version").asText(""), tree,
                list(root, "order", KEYS, source), maturity.equals("unreported"), list(root, "reasons", REASONS, source));
    }

    private static List<String> list(JsonNode root, String field, List<String> allowed, String source) {
        JsonNode n = root.get(field);
        if (n == null) {
            return allowed;
        }
        if (!n.isArray()) {
            throw new InputException(source, "/" + field, field + " must be an array");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String s = n.get(i).asText();
            if (!allowed.contains(s)) {
                throw new InputException(source, "/" + field + "/" + i, "unknown " + field + " key '" + s + "'; known: " + String.join(", ", allowed));
            }
            out.add(s);
        }
        return out;
    }
}
