package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class EpssReaderTest {
    @TempDir
    Path tmp;

    private static List<EpssScore> scores = new ArrayList<>();

    private static EpssHeader read(Path file) {
        scores = new ArrayList<>();
        return EpssReader.read(file, scores::add);
    }

    @Test
    void read_officialFormat_givesModelVersionScoreDateAndRows() {
        EpssHeader h = read(Fixtures.intel("epss/vunnel-fixture-example-1.csv"));
        assertThat(h).isEqualTo(new EpssHeader("v2023.03.01", "2025-02-20T00:00:00+0000", 5));
        assertThat(scores.getFirst()).isEqualTo(new EpssScore("CVE-1999-0001", 0.00383, 0.73075));
        assertThat(scores).extracting(EpssScore::cve).containsExactly("CVE-1999-0001", "CVE-1999-0002", "CVE-1999-0003",
                "CVE-1999-0004", "CVE-1999-0005");
    }

    @Test
    void read_gzippedCorpusCopyWithSourceComment_readsEveryRowWithoutModelVersion() {
        EpssHeader h = read(Fixtures.intel("epss/epss-300.csv.gz"));
        assertThat(h).isEqualTo(new EpssHeader(null, null, 300));
        assertThat(scores.getFirst()).isEqualTo(new EpssScore("CVE-1999-1593", 0.18126, 0.96946));
        assertThat(scores).allSatisfy(s -> assertThat(s.epss()).isBetween(0.0, 1.0));
    }

    @Test
    void read_oldestFilesWithoutPercentileOrModelLine_areRead() {
        EpssHeader h = read(Fixtures.intel("epss/vuls-epss_scores-2021-04-14.csv"));
        assertThat(h).isEqualTo(new EpssHeader(null, null, 2));
        assertThat(scores.getFirst().cve()).isEqualTo("CVE-2020-5902");
        assertThat(scores.getFirst().percentile()).isNaN();
        assertThat(read(Fixtures.intel("epss/vuls-epss_scores-2023-03-07.csv")).modelVersion()).isEqualTo("v2023.03.01");
    }

    @Test
    void read_vunnelMalformedFixtures_areRefusedNamingTheLine() {
        Path header = Fixtures.intel("epss/vunnel-fixture-invalid-header.csv");
        assertThatThrownBy(() -> read(header))
                .isInstanceOf(InputException.class)
                .hasMessage(header + ": line 2: expected the header cve,epss,percentile, got: invalid,header,format");
        Path date = Fixtures.intel("epss/vunnel-fixture-missing-date.csv");
        assertThatThrownBy(() -> read(date))
                .isInstanceOf(InputException.class)
                .hasMessage(date + ": line 1: EPSS header line needs model_version and score_date: #model_version:v2023.03.01");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CVE-2024-0001,0.5               | line 4: expected 3 fields, got 2: CVE-2024-0001,0.5",
            "CVE-2024-0001,0.5,0.7,9         | line 4: expected 3 fields, got 4: CVE-2024-0001,0.5,0.7,9",
            "CVE-2024-0001,high,0.7          | line 4, column 15: epss is not a number: high",
            "CVE-2024-0001,0.5,1.7           | line 4, column 19: percentile must be between 0 and 1: 1.7",
            "GHSA-xxxx,0.5,0.7               | line 4, column 1: not a CVE id: GHSA-xxxx"})
    void read_malformedRow_isRefusedWithItsLine(String row, String message) throws IOException {
        Path file = tmp.resolve("epss.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("#model_version:v2025.03.14,score_date:2026-01-01T00:00:00+0000\ncve,epss,percentile\n"
                    + "CVE-2024-0002,0.1,0.2\n" + row + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(AdvisorySources.detect(file)).isEqualTo(AdvisoryFormat.EPSS);
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": " + message);
    }
}
