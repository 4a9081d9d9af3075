package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.risk.Ssvc.Automatable;
import dev.mamori.risk.Ssvc.Exploitation;
import dev.mamori.risk.Ssvc.MissionImpact;
import dev.mamori.risk.Ssvc.MissionPrevalence;
import dev.mamori.risk.Ssvc.PublicWellBeing;
import dev.mamori.risk.Ssvc.SafetyImpact;
import dev.mamori.risk.Ssvc.SystemExposure;
import dev.mamori.risk.Ssvc.TechnicalImpact;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of both SSVC trees, twice: once from the shipped CSV itself (through the typed public API and the
 * sub-tables), once from the tables transcribed by hand from shared/reference/standards.md §4.2–4.3.
 */
final class SsvcTest {

    // standards.md §4.1: Mission and Well-Being Impact, Mission Prevalence (rows) × Public Well-Being (columns).
    static final String[][] MWI = {
        {"low", "medium", "high"},     // minimal
        {"medium", "medium", "high"},  // support
        {"high", "high", "high"},      // essential
    };
    // standards.md §4.3: Human Impact, Safety Impact (rows) × Mission Impact (columns).
    static final String[][] HUMAN_IMPACT = {
        {"low", "low", "medium", "very high"},         // negligible
        {"low", "low", "medium", "very high"},         // marginal
        {"medium", "high", "high", "very high"},       // critical
        {"very high", "very high", "very high", "very high"}, // catastrophic
    };

    static <T> Sourced<T> user(T v) {
        return Sourced.of(v, Source.USER, "test");
    }

    static Stream<Arguments> cisaRows() {
        return DecisionTable.load(Ssvc.CISA_COORDINATOR).rows.stream().map(r -> Arguments.of(r.get(0), r));
    }

    @ParameterizedTest(name = "CISA Coordinator row {0}")
    @MethodSource("cisaRows")
    void cisaCoordinator_everyCsvRow_reachedThroughTypedInputs(String row, List<String> cells) {
        int combinations = 0;
        for (MissionPrevalence mp : MissionPrevalence.values()) {
            for (PublicWellBeing pwi : PublicWellBeing.values()) {
                if (!MWI[mp.ordinal()][pwi.ordinal()].equals(cells.get(4))) {
                    continue;
                }
                SsvcDecision d = Ssvc.cisaCoordinator(user(Ssvc.parse(Exploitation.class, cells.get(1))),
                        user(Ssvc.parse(Automatable.class, cells.get(2))), user(Ssvc.parse(TechnicalImpact.class, cells.get(3))),
                        user(mp), user(pwi));
                assertThat(d.outcome()).isEqualTo(cells.get(5));
                assertThat(d.inputs()).extracting(SsvcInput::decisionPoint).containsExactly("Exploitation", "Automatable",
                        "Technical Impact", "Mission Prevalence", "Public Well-Being Impact", "Mission and Well-Being Impact");
                combinations++;
            }
        }
        assertThat(combinations).isPositive();
    }

    static Stream<Arguments> deployerRows() {
        return DecisionTable.load(Ssvc.DEPLOYER).rows.stream().map(r -> Arguments.of(r.get(0), r));
    }

    @ParameterizedTest(name = "Deployer row {0}")
    @MethodSource("deployerRows")
    void deployer_everyCsvRow_reachedThroughTypedInputs(String row, List<String> cells) {
        int combinations = 0;
        for (SafetyImpact si : SafetyImpact.values()) {
            for (MissionImpact mi : MissionImpact.values()) {
                if (!HUMAN_IMPACT[si.ordinal()][mi.ordinal()].equals(cells.get(4))) {
                    continue;
                }
                SsvcDecision d = Ssvc.deployer(user(Ssvc.parse(Exploitation.class, cells.get(1))),
                        user(Ssvc.parse(SystemExposure.class, cells.get(2))), user(Ssvc.parse(Automatable.class, cells.get(3))),
                        user(si), user(mi));
                assertThat(d.outcome()).isEqualTo(cells.get(5));
                combinations++;
            }
        }
        assertThat(combinations).as("no Safety × Mission Impact gives Human Impact %s", cells.get(4)).isPositive();
    }

    // standards.md §4.2, CISA Coordinator 2.0.3: Exploitation | Automatable | Technical Impact | MWI low, medium, high.
    static final String CISA_BY_HAND = """
            none | no | partial | track | track | track
            none | no | total | track | track | track*
            none | yes | partial | track | track | attend
            none | yes | total | track | track | attend
            public poc | no | partial | track | track | track*
            public poc | no | total | track | track* | attend
            public poc | yes | partial | track | track | attend
            public poc | yes | total | track | track* | attend
            active | no | partial | track | track | attend
            active | no | total | track | attend | act
            active | yes | partial | attend | attend | act
            active | yes | total | attend | act | act
            """;

    @Test
    void cisaCoordinator_handWrittenTable_everyCell() {
        int cells = 0;
        for (String line : CISA_BY_HAND.strip().split("\n")) {
            String[] c = line.split("\\|");
            for (int m = 0; m < 3; m++) {
                // Pick any Mission Prevalence × Public Well-Being giving this MWI column.
                MissionPrevalence mp = m == 0 ? MissionPrevalence.MINIMAL : m == 1 ? MissionPrevalence.SUPPORT : MissionPrevalence.ESSENTIAL;
                SsvcDecision d = Ssvc.cisaCoordinator(user(Ssvc.parse(Exploitation.class, c[0])),
                        user(Ssvc.parse(Automatable.class, c[1])), user(Ssvc.parse(TechnicalImpact.class, c[2])),
                        user(mp), user(PublicWellBeing.MINIMAL));
                assertThat(d.outcome()).as(line).isEqualTo(c[3 + m].strip());
                cells++;
            }
        }
        assertThat(cells).isEqualTo(36);
    }

    // standards.md §4.2, Deployer 1.0.0: Exploitation | System Exposure | Automatable | HI low, medium, high, very high.
    static final String DEPLOYER_BY_HAND = """
            none | small | no | defer | defer | scheduled | scheduled
            none | small | yes | defer | scheduled | scheduled | scheduled
            none | controlled | no | defer | scheduled | scheduled | scheduled
            none | controlled | yes | scheduled | scheduled | scheduled | scheduled
            none | open | no | defer | scheduled | scheduled | scheduled
            none | open | yes | scheduled | scheduled | scheduled | out-of-cycle
            public poc | small | no | defer | scheduled | scheduled | scheduled
            public poc | small | yes | scheduled | scheduled | scheduled | scheduled
            public poc | controlled | no | defer | scheduled | scheduled | scheduled
            public poc | controlled | yes | scheduled | scheduled | scheduled | out-of-cycle
            public poc | open | no | scheduled | scheduled | scheduled | out-of-cycle
            public poc | open | yes | scheduled | scheduled | out-of-cycle | out-of-cycle
            active | small | no | scheduled | scheduled | out-of-cycle | out-of-cycle
            active | small | yes | scheduled | out-of-cycle | out-of-cycle | out-of-cycle
            active | controlled | no | scheduled | scheduled | out-of-cycle | out-of-cycle
            active | controlled | yes | out-of-cycle | out-of-cycle | out-of-cycle | out-of-cycle
            active | open | no | scheduled | out-of-cycle | out-of-cycle | immediate
            active | open | yes | out-of-cycle | out-of-cycle | immediate | immediate
            """;

    @Test
    void deployer_handWrittenTable_everyCell() {
        // One Safety × Mission Impact pair per Human Impact column (from the §4.3 table).
        SafetyImpact[] si = {SafetyImpact.NEGLIGIBLE, SafetyImpact.NEGLIGIBLE, SafetyImpact.CRITICAL, SafetyImpact.CATASTROPHIC};
        MissionImpact[] mi = {MissionImpact.DEGRADED, MissionImpact.MEF_FAILURE, MissionImpact.MEF_FAILURE, MissionImpact.DEGRADED};
        int cells = 0;
        for (String line : DEPLOYER_BY_HAND.strip().split("\n")) {
            String[] c = line.split("\\|");
            for (int h = 0; h < 4; h++) {
                SsvcDecision d = Ssvc.deployer(user(Ssvc.parse(Exploitation.class, c[0])),
                        user(Ssvc.parse(SystemExposure.class, c[1])), user(Ssvc.parse(Automatable.class, c[2])),
                        user(si[h]), user(mi[h]));
                assertThat(d.outcome()).as(line + " column " + h).isEqualTo(c[3 + h].strip());
                assertThat(d.label()).isEqualTo(Ssvc.label(c[3 + h].strip()));
                cells++;
            }
        }
        assertThat(cells).isEqualTo(72);
    }

    @Test
    void subTables_csv_equalTheHandWrittenGrids() {
        List<String> mwi = new ArrayList<>();
        DecisionTable.load(Ssvc.MISSION_WELL_BEING).rows.forEach(r -> mwi.add(r.get(3)));
        assertThat(mwi).containsExactly(Stream.of(MWI).flatMap(Stream::of).toArray(String[]::new));
        List<String> hi = new ArrayList<>();
        DecisionTable.load(Ssvc.HUMAN_IMPACT).rows.forEach(r -> hi.add(r.get(3)));
        assertThat(hi).containsExactly(Stream.of(HUMAN_IMPACT).flatMap(Stream::of).toArray(String[]::new));
    }

    @Test
    void tables_loaded_haveTheDocumentedSizesAndColumns() {
        DecisionTable cisa = DecisionTable.load(Ssvc.CISA_COORDINATOR);
        assertThat(cisa.rows).hasSize(36);
        assertThat(cisa.inputColumns).containsExactly("Exploitation v1.1.0", "Automatable v2.0.0", "Technical Impact v1.0.0",
                "Mission and Well-Being Impact v1.0.0");
        assertThat(cisa.outcomeColumn).isEqualTo("CISA Levels v1.1.0 (cisa)");
        DecisionTable deployer = DecisionTable.load(Ssvc.DEPLOYER);
        assertThat(deployer.rows).hasSize(72);
        assertThat(deployer.outcomeColumn).isEqualTo("Defer, Scheduled, Out-of-Cycle, Immediate v1.0.0");
    }

    @Test
    void cisaCoordinator_sourcedInputs_carriedWithTheDecision() {
        SsvcDecision d = Ssvc.cisaCoordinator(Sourced.of(Exploitation.ACTIVE, Source.KEV, "in KEV since 2023-12-11"),
                Sourced.of(Automatable.YES, Source.VULNRICHMENT, "CISA ADP"),
                Sourced.of(TechnicalImpact.TOTAL, Source.VECTOR, "C:H and I:H"),
                Sourced.of(MissionPrevalence.ESSENTIAL, Source.PROFILE, "pump controller"),
                Sourced.of(PublicWellBeing.MINIMAL, Source.DEFAULT, "no safety impact"));
        assertThat(d.label()).isEqualTo("Act");
        assertThat(d.rank()).isEqualTo(3);
        assertThat(d.path()).isEqualTo("Exploitation=active, Automatable=yes, Technical Impact=total, Mission Prevalence=essential, "
                + "Public Well-Being Impact=minimal, Mission and Well-Being Impact=high");
        assertThat(d.inputs()).extracting(SsvcInput::source).containsExactly(Source.KEV, Source.VULNRICHMENT, Source.VECTOR,
                Source.PROFILE, Source.DEFAULT, Source.DEFAULT);
    }

    @Test
    void parse_vulnrichmentSpellings_accepted() {
        assertThat(Ssvc.parse(Exploitation.class, "poc")).isEqualTo(Exploitation.PUBLIC_POC);
        assertThat(Ssvc.parse(Exploitation.class, "Active")).isEqualTo(Exploitation.ACTIVE);
        assertThat(Ssvc.parse(TechnicalImpact.class, "Total")).isEqualTo(TechnicalImpact.TOTAL);
        assertThat(Ssvc.parse(MissionImpact.class, "MEF support crippled")).isEqualTo(MissionImpact.MEF_SUPPORT_CRIPPLED);
        assertThat(Ssvc.parse(MissionImpact.class, "mef_failure")).isEqualTo(MissionImpact.MEF_FAILURE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ssvc.parse(Automatable.class, "maybe"))
                .hasMessageContaining("'maybe' is not a Automatable value (no, yes)");
    }

    @Test
    void label_anyOutcome_followsSsvcCapitalisation() {
        assertThat(Ssvc.label("out-of-cycle")).isEqualTo("Out-of-Cycle");
        assertThat(Ssvc.label("track*")).isEqualTo("Track*");
        assertThat(Ssvc.label("act")).isEqualTo("Act");
    }
}
