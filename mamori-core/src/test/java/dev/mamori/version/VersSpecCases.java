package dev.mamori.version;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs vers-spec version tests (schema 0.2): {@code comparison} tests sort the input versions and expect
 * {@code expected_output} in that order; {@code equality} tests expect whether the two versions are equal.
 */
final class VersSpecCases {
    private VersSpecCases() {}

    /** Overrides the sign a test implies for versions a and b, where a scheme deliberately differs. */
    interface Expectation {
        int sign(String a, String b, int testSign);
    }

    static List<String> check(VersionScheme scheme, JsonNode tests) {
        return check(scheme, tests, (a, b, sign) -> sign);
    }

    /**
     * Checks each test; a two-version comparison test expects the sign implied by its sorted output (as adjusted
     * by {@code expectation}), an equality test expects sign 0 or not.
     */
    static List<String> check(VersionScheme scheme, JsonNode tests, Expectation expectation) {
        List<String> wrong = new ArrayList<>();
        for (JsonNode t : tests) {
            List<String> input = new ArrayList<>();
            t.get("input").get("versions").forEach(v -> input.add(v.asText()));
            switch (t.get("test_type").asText()) {
                case "comparison" -> {
                    List<String> expected = new ArrayList<>();
                    t.get("expected_output").forEach(v -> expected.add(v.asText()));
                    if (expected.size() == 2) {
                        int want = expectation.sign(expected.get(0), expected.get(1), -1);
                        int got = scheme.compare(expected.get(0), expected.get(1));
                        if (got != want) {
                            wrong.add("compare " + expected + ": expected " + want + ", got " + got);
                        }
                        continue;
                    }
                    List<String> sorted = new ArrayList<>(input);
                    sorted.sort(scheme.comparator());
                    if (!sorted.equals(expected)) {
                        wrong.add("sort " + input + ": expected " + expected + ", got " + sorted);
                    }
                }
                case "equality" -> {
                    boolean test = t.get("expected_output").asBoolean();
                    boolean expected = expectation.sign(input.get(0), input.get(1), test ? 0 : 2) == 0;
                    boolean got = scheme.compare(input.get(0), input.get(1)) == 0;
                    if (got != expected) {
                        wrong.add("equal " + input + ": expected " + expected);
                    }
                }
                default -> wrong.add("unknown test type " + t.get("test_type"));
            }
        }
        return wrong;
    }
}
