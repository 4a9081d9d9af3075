package dev.mamori.store.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.advisory.EpssScore;
import dev.mamori.advisory.KevEntry;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which releases a KEV or EPSS import makes out of date. KEV data is the real catalogue subset of mamori-core
 * (intel/kev); the EPSS files are written here with made-up scores for a made-up CVE, to put the change exactly
 * below and above the thresholds.
 */
final class AssessmentBasisRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Path KEV = Path.of("../mamori-core/src/test/resources/intel/kev/kev-subset.json");
    private static final String LOG4SHELL = "CVE-2021-44228"; // in the KEV subset
    private static final String MADE_UP = "CVE-2099-0001";

    @TempDir
    Path tmp;

    private Path epss(String name, double score, double percentile) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, "#model_version:v2025.03.14,score_date:2026-11-25T00:00:00+0000\ncve,epss,percentile\n"
                + MADE_UP + "," + score + "," + percentile + "\n");
        return f;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void outdated_kevListingAndEpssMoves_onlyReleasesWhoseDataChangedBeyondTheThresholds(DatabaseKind kind) throws IOException {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            AssessmentBasisRepository basis = new AssessmentBasisRepository(db);
            long product = new ProductRepository(db).create(new ProductData("P", null, null, null, null), T0).id();
            long r1 = new ReleaseRepository(db).create(product, new ReleaseData("1.0", null, null), T0).id();
            long r2 = new ReleaseRepository(db).create(product, new ReleaseData("2.0", null, null), T0).id();
            store.importPaths(List.of(epss("day1.csv", 0.10, 0.50)), null, T0);
            EpssScore day1 = store.epss(MADE_UP).orElseThrow();

            basis.replace(r1, List.of(new AssessmentBasisRepository.Basis(LOG4SHELL, null, null),
                    new AssessmentBasisRepository.Basis(MADE_UP.toLowerCase(), null, day1)));
            basis.replace(r2, List.of(new AssessmentBasisRepository.Basis("CVE-2013-7285", null, null)));
            assertThat(basis.of(r1)).containsOnlyKeys(LOG4SHELL, MADE_UP);
            assertThat(basis.of(r1).get(MADE_UP).epss()).isEqualTo(day1);
            assertThat(basis.outdated(0.01, 0.05).releases()).as("the store has what the assessments used").isEmpty();

            // KEV lists Log4Shell: release 1 is out of date for that CVE only; release 2 does not have it
            store.importPaths(List.of(KEV), null, T0.plusSeconds(60));
            AssessmentBasisRepository.Outdated afterKev = basis.outdated(0.01, 0.05);
            assertThat(afterKev.cvesByRelease()).isEqualTo(Map.of(r1, Set.of(LOG4SHELL)));
            assertThat(afterKev.cves()).isEqualTo(1);

            // re-analysed with the listing: up to date again
            KevEntry listed = store.kev(LOG4SHELL).orElseThrow();
            basis.replace(r1, List.of(new AssessmentBasisRepository.Basis(LOG4SHELL, listed, null),
                    new AssessmentBasisRepository.Basis(MADE_UP, null, day1)));
            assertThat(basis.of(r1).get(LOG4SHELL).kev().dateAdded()).isEqualTo(listed.dateAdded());
            assertThat(basis.outdated(0.01, 0.05).releases()).isEmpty();

            // EPSS drift below both thresholds: left alone
            store.importPaths(List.of(epss("day2.csv", 0.105, 0.52)), null, T0.plusSeconds(120));
            assertThat(basis.outdated(0.01, 0.05).releases()).isEmpty();
            // a move of the probability by 0.01 or more: out of date
            store.importPaths(List.of(epss("day3.csv", 0.12, 0.53)), null, T0.plusSeconds(180));
            assertThat(basis.outdated(0.01, 0.05).cvesByRelease()).isEqualTo(Map.of(r1, Set.of(MADE_UP)));
            assertThat(basis.outdated(0.05, 0.05).releases()).as("a coarser threshold").isEmpty();
            // the percentile alone moving by 0.05 or more: out of date
            store.importPaths(List.of(epss("day4.csv", 0.10, 0.56)), null, T0.plusSeconds(240));
            assertThat(basis.outdated(0.01, 0.05).cvesByRelease()).isEqualTo(Map.of(r1, Set.of(MADE_UP)));

            // a score the assessments did not have appears: out of date
            basis.replace(r2, List.of(new AssessmentBasisRepository.Basis(MADE_UP, null, null)));
            assertThat(basis.outdated(0.01, 0.05).releases()).containsExactlyInAnyOrder(r1, r2);

            // a deleted release takes its rows with it
            new ReleaseRepository(db).delete(r2);
            assertThat(basis.of(r2)).isEmpty();
            assertThat(basis.outdated(0.01, 0.05).releases()).containsExactly(r1);
        }
    }
}
