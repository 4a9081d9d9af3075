package dev.mamori.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SSVC decisions by table lookup. Two trees are supported:
 *
 * <ul>
 *   <li>{@link #cisaCoordinator CISA Coordinator 2.0.3} (Exploitation, Automatable, Technical Impact, Mission and
 *       Well-Being Impact = Mission Prevalence × Public Well-Being Impact) → Track, Track*, Attend, Act. This is the
 *       tree CISA applies to CVEs (its Vulnrichment data carries the first three inputs) and the one Mamori's
 *       default priority policy uses.</li>
 *   <li>{@link #deployer Deployer Patch Application Priority 1.0.0} (Exploitation, System Exposure, Automatable,
 *       Human Impact = Safety Impact × Mission Impact) → Defer, Scheduled, Out-of-Cycle, Immediate.</li>
 * </ul>
 * The tables are the CSV files in {@code dev/mamori/risk/ssvc/} (see its README for sources and versions).
 */
public final class Ssvc {
    static final String CISA_COORDINATOR = "cisa_coordinator_2_0_3";
    static final String MISSION_WELL_BEING = "mission_and_well_being_impact_1_0_0";
    static final String DEPLOYER = "deployer_patch_application_priority_1_0_0";
    static final String HUMAN_IMPACT = "human_impact_1_0_0";

    private static final class Tables {
        static final DecisionTable CISA = DecisionTable.load(CISA_COORDINATOR);
        static final DecisionTable MWI = DecisionTable.load(MISSION_WELL_BEING);
        static final DecisionTable DEPLOYER_TABLE = DecisionTable.load(DEPLOYER);
        static final DecisionTable HI = DecisionTable.load(HUMAN_IMPACT);
    }

    /** A decision point value: the word the tables use. */
    public interface Value {
        String word();
    }

    public enum Exploitation implements Value {
        NONE("none"), PUBLIC_POC("public poc"), ACTIVE("active");
        private final String word;
        Exploitation(String word) { this.word = word; }
        @Override public String word() { return word; }
    }

    public enum Automatable implements Value {
        NO("no"), YES("yes");
        private final String word;
        Automatable(String word) { this.word = word; }
        @Override public String word() { return word; }
    }

    public enum TechnicalImpact implements Value {
        PARTIAL("partial"), TOTAL("total");
        private final String word;
        TechnicalImpact(String word) { this.word = word; }
        @Override public String word() { return word; }
    }

    public enum MissionPrevalence implements Value {
        MINIMAL("minimal"), SUPPORT("support"), ESSENTIAL("essential");
        private final String word;
        MissionPrevalence(String word) { this.word = word; }
        @Override public String word() { return word; }
    }

    public enum PublicWellBeing implements Value {
        MINIMAL("minimal"), MATERIAL("material"), IRREVERSIBLE("irreversible");
        private final String word;
        PublicWellBeing(String word) { this.word = word; }
        @Override public String word() { return word; }
    }

    public enum SystemExposure implements Value {
        SMALL("small"), CONTROLLED("controlled"), OPEN("open");
        private final String word;
        SystemExposure(String word) { this.word = word; }
        @Override public String word() { return word; }
    }

    /** SSVC Safety Impact 2.0.1, after IEC 61508 (N Negligible, M Marginal, R Critical, C Catastrophic). */
    public enum SafetyImpact implements Value {
        NEGLIGIBLE("negligible"), MARGINAL("marginal"), CRITICAL("critical"), CATASTROPHIC("catastrophic");
        private final String word;
        SafetyImpact(String word) { this.word = word; }
        @Override public String word() { return word; }
    }

    public enum MissionImpact implements Value {
        DEGRADED("degraded"), MEF_SUPPORT_CRIPPLED("mef support crippled"), MEF_FAILURE("mef failure"),
        MISSION_FAILURE("mission failure");
        private final String word;
        MissionImpact(String word) { this.word = word; }
        @Override public String word() { return word; }
    }

    /** Outcomes of the CISA Coordinator tree, least urgent first. */
    public static final List<String> CISA_LEVELS = List.of("track", "track*", "attend", "act");
    /** Outcomes of the deployer tree, least urgent first. */
    public static final List<String> DSOI = List.of("defer", "scheduled", "out-of-cycle", "immediate");

    private Ssvc() {}

    /** CISA Coordinator 2.0.3; Mission and Well-Being Impact comes from its sub-table. */
    public static SsvcDecision cisaCoordinator(Sourced<Exploitation> exploitation, Sourced<Automatable> automatable,
            Sourced<TechnicalImpact> technicalImpact, Sourced<MissionPrevalence> missionPrevalence,
            Sourced<PublicWellBeing> publicWellBeing) {
        String mwi = Tables.MWI.lookup(List.of(missionPrevalence.value().word(), publicWellBeing.value().word()));
        List<SsvcInput> inputs = new ArrayList<>();
        inputs.add(input("Exploitation", exploitation));
        inputs.add(input("Automatable", automatable));
        inputs.add(input("Technical Impact", technicalImpact));
        inputs.add(input("Mission Prevalence", missionPrevalence));
        inputs.add(input("Public Well-Being Impact", publicWellBeing));
        inputs.add(new SsvcInput("Mission and Well-Being Impact", mwi, weakest(missionPrevalence, publicWellBeing),
                "Mission Prevalence × Public Well-Being Impact (" + MISSION_WELL_BEING + ")"));
        String outcome = Tables.CISA.lookup(List.of(exploitation.value().word(), automatable.value().word(),
                technicalImpact.value().word(), mwi));
        return decision(CISA_COORDINATOR, outcome, CISA_LEVELS, inputs);
    }

    /** Deployer Patch Application Priority 1.0.0; Human Impact comes from its sub-table. */
    public static SsvcDecision deployer(Sourced<Exploitation> exploitation, Sourced<SystemExposure> exposure,
            Sourced<Automatable> automatable, Sourced<SafetyImpact> safetyImpact, Sourced<MissionImpact> missionImpact) {
        String humanImpact = Tables.HI.lookup(List.of(safetyImpact.value().word(), missionImpact.value().word()));
        List<SsvcInput> inputs = new ArrayList<>();
        inputs.add(input("Exploitation", exploitation));
        inputs.add(input("System Exposure", exposure));
        inputs.add(input("Automatable", automatable));
        inputs.add(input("Safety Impact", safetyImpact));
        inputs.add(input("Mission Impact", missionImpact));
        inputs.add(new SsvcInput("Human Impact", humanImpact, weakest(safetyImpact, missionImpact),
                "Safety Impact × Mission Impact (" + HUMAN_IMPACT + ")"));
        String outcome = Tables.DEPLOYER_TABLE.lookup(List.of(exploitation.value().word(), exposure.value().word(),
                automatable.value().word(), humanImpact));
        return decision(DEPLOYER, outcome, DSOI, inputs);
    }

    private static SsvcDecision decision(String table, String outcome, List<String> order, List<SsvcInput> inputs) {
        int rank = order.indexOf(outcome);
        if (rank < 0) {
            throw new IllegalStateException(table + ": unknown outcome " + outcome);
        }
        return new SsvcDecision(table, outcome, label(outcome), rank, inputs);
    }

    /** {@code act} → {@code Act}, {@code out-of-cycle} → {@code Out-of-Cycle}, {@code track*} → {@code Track*}. */
    static String label(String outcome) {
        StringBuilder b = new StringBuilder(outcome.length());
        String[] words = outcome.split("-", -1);
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                b.append('-');
            }
            b.append(i > 0 && w.equals("of") || w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return b.toString();
    }

    private static SsvcInput input(String point, Sourced<? extends Value> v) {
        return new SsvcInput(point, v.value().word(), v.source(), v.detail());
    }

    /** The source shown for a derived input: DEFAULT if either part is a default, else the first part's source. */
    private static Source weakest(Sourced<?> a, Sourced<?> b) {
        return a.source() == Source.DEFAULT || b.source() == Source.DEFAULT ? Source.DEFAULT : a.source();
    }

    /** Parses a decision point value as written by people and by CISA's Vulnrichment ({@code poc}, {@code Active}). */
    static <E extends Enum<E> & Value> E parse(Class<E> type, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        if ((Class<?>) type == Exploitation.class && (t.equals("poc") || t.equals("public-poc"))) {
            t = "public poc";
        }
        for (E e : type.getEnumConstants()) {
            if (e.word().equals(t) || e.name().equalsIgnoreCase(t.replace(' ', '_').replace('-', '_'))) {
                return e;
            }
        }
        List<String> words = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            words.add(e.word());
        }
        throw new IllegalArgumentException("'" + text + "' is not a " + type.getSimpleName() + " value (" + String.join(", ", words) + ")");
    }
}
