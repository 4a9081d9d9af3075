package dev.mamori.report;

import dev.mamori.advisory.SeverityLevel;
import dev.mamori.match.Finding;
import dev.mamori.risk.Assessment;
import dev.mamori.risk.Ssvc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a scan fails the build: a comma-separated list of conditions, any of which fails it.
 * <ul>
 *   <li>{@code any} — every finding; {@code none} — never; {@code low}, {@code medium}, {@code high},
 *       {@code critical} — a finding at or above that severity (unknown severity counts only for {@code any});</li>
 *   <li>{@code kev} — a finding whose vulnerability is in CISA's KEV catalogue (a KEV file, or an advisory's KEV
 *       listing);</li>
 *   <li>{@code epss>=X} — EPSS probability at least X (0–1); {@code epss-percentile>=X} — EPSS percentile at least X
 *       (0–1);</li>
 *   <li>{@code ssvc=D} (or {@code ssvc>=D}) — the SSVC decision is D or more urgent: {@code track}, {@code track*},
 *       {@code attend}, {@code act} (CISA coordinator tree) or {@code defer}, {@code scheduled},
 *       {@code out-of-cycle}, {@code immediate} (deployer tree).</li>
 * </ul>
 * Findings suppressed by VEX are never given to it.
 */
public final class FailOn {
    private final List<Condition> conditions;
    private final String text;

    private FailOn(List<Condition> conditions, String text) {
        this.conditions = List.copyOf(conditions);
        this.text = text;
    }

    /** One condition. */
    private record Condition(String text, Kind kind, SeverityLevel level, double threshold, int rank) {}

    private enum Kind { ANY, NONE, SEVERITY, KEV, EPSS, EPSS_PERCENTILE, SSVC, DEPLOYER }

    /**
     * Parses a condition list.
     *
     * @throws IllegalArgumentException naming the condition that is not understood
     */
    public static FailOn parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--fail-on needs at least one condition");
        }
        List<Condition> out = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String c = raw.strip().toLowerCase(Locale.ROOT).replace(" ", "");
            if (c.isEmpty()) {
                throw new IllegalArgumentException("empty condition in --fail-on '" + spec + "'");
            }
            out.add(condition(c));
        }
        return new FailOn(out, spec.strip());
    }

    private static Condition condition(String c) {
        switch (c) {
            case "any":
                return new Condition(c, Kind.ANY, null, 0, 0);
            case "none":
                return new Condition(c, Kind.NONE, null, 0, 0);
            case "low", "medium", "high", "critical":
                return new Condition(c, Kind.SEVERITY, SeverityLevel.valueOf(c.toUpperCase(Locale.ROOT)), 0, 0);
            case "kev":
                return new Condition(c, Kind.KEV, null, 0, 0);
            default:
                break;
        }
        if (c.startsWith("epss-percentile>=")) {
            return new Condition(c, Kind.EPSS_PERCENTILE, null, fraction(c, c.substring(17)), 0);
        }
        if (c.startsWith("epss>=")) {
            return new Condition(c, Kind.EPSS, null, fraction(c, c.substring(6)), 0);
        }
        if (c.startsWith("ssvc=") || c.startsWith("ssvc>=")) {
            String d = c.substring(c.indexOf('=') + 1);
            int rank = Ssvc.CISA_LEVELS.indexOf(d);
            if (rank >= 0) {
                return new Condition(c, Kind.SSVC, null, 0, rank);
            }
            rank = Ssvc.DSOI.indexOf(d);
            if (rank >= 0) {
                return new Condition(c, Kind.DEPLOYER, null, 0, rank);
            }
            throw new IllegalArgumentException("unknown SSVC decision '" + d + "' in --fail-on " + c + " (one of "
                    + String.join(", ", Ssvc.CISA_LEVELS) + "; or of the deployer tree " + String.join(", ", Ssvc.DSOI) + ")");
        }
        throw new IllegalArgumentException("unknown --fail-on condition '" + c + "' (any, none, low, medium, high, critical, "
                + "kev, epss>=X, epss-percentile>=X, ssvc=DECISION)");
    }

    private static double fraction(String condition, String number) {
        try {
            double v = Double.parseDouble(number);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--fail-on " + condition + ": the threshold is a number from 0 to 1, not '" + number + "'");
    }

    /** Whether the conditions use EPSS data (so an EPSS file is needed). */
    public boolean needsEpss() {
        return conditions.stream().anyMatch(c -> c.kind() == Kind.EPSS || c.kind() == Kind.EPSS_PERCENTILE);
    }

    /** The first condition this finding meets, or null. {@code assessment} may be null (no risk data: only severity). */
    public String failing(Finding f, Assessment a) {
        for (Condition c : conditions) {
            if (meets(c, f, a)) {
                return c.text();
            }
        }
        return null;
    }

    /** Whether this finding fails the build. */
    public boolean fails(Finding f, Assessment a) {
        return failing(f, a) != null;
    }

    private static boolean meets(Condition c, Finding f, Assessment a) {
        return switch (c.kind()) {
            case ANY -> true;
            case NONE -> false;
            case SEVERITY -> f.severity().compareTo(c.level()) >= 0;
            case KEV -> a != null && a.kev() != null;
            case EPSS -> a != null && a.epss() != null && a.epss().score() >= c.threshold();
            case EPSS_PERCENTILE -> a != null && a.epss() != null && a.epss().percentile() >= c.threshold();
            case SSVC -> a != null && a.ssvc() != null && a.ssvc().rank() >= c.rank();
            case DEPLOYER -> a != null && a.deployer() != null && a.deployer().rank() >= c.rank();
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
