package dev.mamori.report;

import dev.mamori.advisory.EpssHeader;
import dev.mamori.advisory.EpssReader;
import dev.mamori.advisory.EpssScore;
import dev.mamori.advisory.KevEntry;
import dev.mamori.advisory.KevReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Threat data given to a scan: CISA's KEV catalogue and FIRST's EPSS scores, by CVE id (upper case).
 *
 * @param epssDate the EPSS file's score date, or null
 * @param warnings what could not be used (EPSS rows without a percentile)
 */
public record ThreatData(Map<String, KevEntry> kev, Map<String, EpssScore> epss, LocalDate epssDate, List<String> warnings) {
    public ThreatData {
        kev = Collections.unmodifiableMap(new HashMap<>(kev));
        epss = Collections.unmodifiableMap(new HashMap<>(epss));
        warnings = List.copyOf(warnings);
    }

    public static ThreatData none() {
        return new ThreatData(Map.of(), Map.of(), null, List.of());
    }

    /**
     * Reads a KEV catalogue (JSON) and an EPSS file (CSV, plain or gzip); either may be null. Only the CVEs in
     * {@code wanted} are kept (null keeps all), so a full EPSS file costs no memory beyond the scan's CVEs.
     */
    public static ThreatData read(Path kevFile, Path epssFile, Set<String> wanted) {
        Map<String, KevEntry> kev = new HashMap<>();
        if (kevFile != null) {
            KevReader.read(kevFile, e -> {
                String id = e.cveId().toUpperCase(Locale.ROOT);
                if (wanted == null || wanted.contains(id)) {
                    kev.put(id, e);
                }
            });
        }
        Map<String, EpssScore> epss = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        LocalDate date = null;
        if (epssFile != null) {
            int[] noPercentile = {0};
            EpssHeader h = EpssReader.read(epssFile, s -> {
                String id = s.cve().toUpperCase(Locale.ROOT);
                if (wanted == null || wanted.contains(id)) {
                    if (Double.isNaN(s.percentile())) {
                        noPercentile[0]++;
                    } else {
                        epss.put(id, s);
                    }
                }
            });
            if (noPercentile[0] > 0) {
                warnings.add(epssFile + ": " + noPercentile[0] + " EPSS row(s) of the scan's CVEs have no percentile "
                        + "(a file older than the percentile column) and are not used");
            }
            if (h.scoreDate() != null) {
                try {
                    date = LocalDate.parse(h.scoreDate().length() >= 10 ? h.scoreDate().substring(0, 10) : h.scoreDate());
                } catch (DateTimeParseException e) {
                    date = null;
                }
            }
        }
        return new ThreatData(kev, epss, date, warnings);
    }
}
