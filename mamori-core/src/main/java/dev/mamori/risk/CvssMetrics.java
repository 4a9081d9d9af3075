package dev.mamori.risk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of each CVSS version, in the specification's order, with their allowed values. Value indexes are
 * what {@link CvssVector} stores and what the scorers' weight tables are indexed by, so the value order here
 * is part of the scoring code: do not reorder.
 */
final class CvssMetrics {
    /** Metric groups. Temporal (v2, v3) and Threat (v4) share a group. */
    enum Group { BASE, TEMPORAL, ENVIRONMENTAL, SUPPLEMENTAL }

    /** One metric: key as in vectors, human name, group, allowed values, position in the specification's order. */
    record Metric(String key, String name, Group group, List<String> values, int index) {
        boolean mandatory() {
            return group == Group.BASE;
        }

        int valueIndex(String value) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).equals(value)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The metric set of one version. */
    static final class Set {
        final CvssVersion version;
        final List<Metric> metrics;
        private final Map<String, Metric> byKey = new HashMap<>();
        /** Value meaning "not defined" for optional metrics: {@code ND} in v2, {@code X} in v3 and v4. */
        final String notDefined;

        private Set(CvssVersion version, String notDefined, List<Metric> metrics) {
            this.version = version;
            this.notDefined = notDefined;
            this.metrics = metrics;
            for (Metric m : metrics) {
                byKey.put(m.key(), m);
            }
        }

        Metric get(String key) {
            return byKey.get(key);
        }

        Metric require(String key) {
            Metric m = byKey.get(key);
            if (m == null) {
                throw new IllegalStateException("no CVSS " + version.label() + " metric " + key);
            }
            return m;
        }

        int size() {
            return metrics.size();
        }
    }

    private static final class Builder {
        private final java.util.ArrayList<Metric> list = new java.util.ArrayList<>();

        Builder add(String key, String name, Group group, String... values) {
            list.add(new Metric(key, name, group, List.of(values), list.size()));
            return this;
        }

        Set build(CvssVersion version, String notDefined) {
            return new Set(version, notDefined, List.copyOf(list));
        }
    }

    static final Set V2 = new Builder()
            .add("AV", "Access Vector", Group.BASE, "L", "A", "N")
            .add("AC", "Access Complexity", Group.BASE, "H", "M", "L")
            .add("Au", "Authentication", Group.BASE, "M", "S", "N")
            .add("C", "Confidentiality Impact", Group.BASE, "N", "P", "C")
            .add("I", "Integrity Impact", Group.BASE, "N", "P", "C")
            .add("A", "Availability Impact", Group.BASE, "N", "P", "C")
            .add("E", "Exploitability", Group.TEMPORAL, "U", "POC", "F", "H", "ND")
            .add("RL", "Remediation Level", Group.TEMPORAL, "OF", "TF", "W", "U", "ND")
            .add("RC", "Report Confidence", Group.TEMPORAL, "UC", "UR", "C", "ND")
            .add("CDP", "Collateral Damage Potential", Group.ENVIRONMENTAL, "N", "L", "LM", "MH", "H", "ND")
            .add("TD", "Target Distribution", Group.ENVIRONMENTAL, "N", "L", "M", "H", "ND")
            .add("CR", "Confidentiality Requirement", Group.ENVIRONMENTAL, "L", "M", "H", "ND")
            .add("IR", "Integrity Requirement", Group.ENVIRONMENTAL, "L", "M", "H", "ND")
            .add("AR", "Availability Requirement", Group.ENVIRONMENTAL, "L", "M", "H", "ND")
            .build(CvssVersion.V2_0, "ND");

    /** v3.0 and v3.1 share metrics and values; they differ in formulas only. */
    static final Set V3 = new Builder()
            .add("AV", "Attack Vector", Group.BASE, "N", "A", "L", "P")
            .add("AC", "Attack Complexity", Group.BASE, "L", "H")
            .add("PR", "Privileges Required", Group.BASE, "N", "L", "H")
            .add("UI", "User Interaction", Group.BASE, "N", "R")
            .add("S", "Scope", Group.BASE, "U", "C")
            .add("C", "Confidentiality", Group.BASE, "H", "L", "N")
            .add("I", "Integrity", Group.BASE, "H", "L", "N")
            .add("A", "Availability", Group.BASE, "H", "L", "N")
            .add("E", "Exploit Code Maturity", Group.TEMPORAL, "X", "H", "F", "P", "U")
            .add("RL", "Remediation Level", Group.TEMPORAL, "X", "U", "W", "T", "O")
            .add("RC", "Report Confidence", Group.TEMPORAL, "X", "C", "R", "U")
            .add("CR", "Confidentiality Requirement", Group.ENVIRONMENTAL, "X", "H", "M", "L")
            .add("IR", "Integrity Requirement", Group.ENVIRONMENTAL, "X", "H", "M", "L")
            .add("AR", "Availability Requirement", Group.ENVIRONMENTAL, "X", "H", "M", "L")
            .add("MAV", "Modified Attack Vector", Group.ENVIRONMENTAL, "X", "N", "A", "L", "P")
            .add("MAC", "Modified Attack Complexity", Group.ENVIRONMENTAL, "X", "L", "H")
            .add("MPR", "Modified Privileges Required", Group.ENVIRONMENTAL, "X", "N", "L", "H")
            .add("MUI", "Modified User Interaction", Group.ENVIRONMENTAL, "X", "N", "R")
            .add("MS", "Modified Scope", Group.ENVIRONMENTAL, "X", "U", "C")
            .add("MC", "Modified Confidentiality", Group.ENVIRONMENTAL, "X", "H", "L", "N")
            .add("MI", "Modified Integrity", Group.ENVIRONMENTAL, "X", "H", "L", "N")
            .add("MA", "Modified Availability", Group.ENVIRONMENTAL, "X", "H", "L", "N")
            .build(CvssVersion.V3_1, "X");

    static final Set V4 = new Builder()
            .add("AV", "Attack Vector", Group.BASE, "N", "A", "L", "P")
            .add("AC", "Attack Complexity", Group.BASE, "L", "H")
            .add("AT", "Attack Requirements", Group.BASE, "N", "P")
            .add("PR", "Privileges Required", Group.BASE, "N", "L", "H")
            .add("UI", "User Interaction", Group.BASE, "N", "P", "A")
            .add("VC", "Vulnerable System Confidentiality", Group.BASE, "H", "L", "N")
            .add("VI", "Vulnerable System Integrity", Group.BASE, "H", "L", "N")
            .add("VA", "Vulnerable System Availability", Group.BASE, "H", "L", "N")
            .add("SC", "Subsequent System Confidentiality", Group.BASE, "H", "L", "N")
            .add("SI", "Subsequent System Integrity", Group.BASE, "H", "L", "N")
            .add("SA", "Subsequent System Availability", Group.BASE, "H", "L", "N")
            .add("E", "Exploit Maturity", Group.TEMPORAL, "X", "A", "P", "U")
            .add("CR", "Confidentiality Requirement", Group.ENVIRONMENTAL, "X", "H", "M", "L")
            .add("IR", "Integrity Requirement", Group.ENVIRONMENTAL, "X", "H", "M", "L")
            .add("AR", "Availability Requirement", Group.ENVIRONMENTAL, "X", "H", "M", "L")
            .add("MAV", "Modified Attack Vector", Group.ENVIRONMENTAL, "X", "N", "A", "L", "P")
            .add("MAC", "Modified Attack Complexity", Group.ENVIRONMENTAL, "X", "L", "H")
            .add("MAT", "Modified Attack Requirements", Group.ENVIRONMENTAL, "X", "N", "P")
            .add("MPR", "Modified Privileges Required", Group.ENVIRONMENTAL, "X", "N", "L", "H")
            .add("MUI", "Modified User Interaction", Group.ENVIRONMENTAL, "X", "N", "P", "A")
            .add("MVC", "Modified Vulnerable System Confidentiality", Group.ENVIRONMENTAL, "X", "H", "L", "N")
            .add("MVI", "Modified Vulnerable System Integrity", Group.ENVIRONMENTAL, "X", "H", "L", "N")
            .add("MVA", "Modified Vulnerable System Availability", Group.ENVIRONMENTAL, "X", "H", "L", "N")
            .add("MSC", "Modified Subsequent System Confidentiality", Group.ENVIRONMENTAL, "X", "H", "L", "N")
            .add("MSI", "Modified Subsequent System Integrity", Group.ENVIRONMENTAL, "X", "S", "H", "L", "N")
            .add("MSA", "Modified Subsequent System Availability", Group.ENVIRONMENTAL, "X", "S", "H", "L", "N")
            .add("S", "Safety", Group.SUPPLEMENTAL, "X", "N", "P")
            .add("AU", "Automatable", Group.SUPPLEMENTAL, "X", "N", "Y")
            .add("R", "Recovery", Group.SUPPLEMENTAL, "X", "A", "U", "I")
            .add("V", "Value Density", Group.SUPPLEMENTAL, "X", "D", "C")
            .add("RE", "Vulnerability Response Effort", Group.SUPPLEMENTAL, "X", "L", "M", "H")
            .add("U", "Provider Urgency", Group.SUPPLEMENTAL, "X", "Clear", "Green", "Amber", "Red")
            .build(CvssVersion.V4_0, "X");

    private CvssMetrics() {}

    static Set of(CvssVersion version) {
        return switch (version) {
            case V2_0 -> V2;
            case V3_0, V3_1 -> V3;
            case V4_0 -> V4;
        };
    }
}
