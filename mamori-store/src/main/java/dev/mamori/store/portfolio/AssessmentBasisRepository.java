package dev.mamori.store.portfolio;

import dev.mamori.advisory.EpssScore;
import dev.mamori.advisory.KevEntry;
import dev.mamori.store.Database;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The threat data each release's stored assessments were made with: per CVE of its present findings, the store's
 * KEV listing and EPSS score the analysis used (or that there was none). After a KEV or EPSS import, comparing this
 * with {@code kev_entry} and {@code epss_score} names the releases whose assessments the import changes, in one
 * query, without any state kept between imports.
 */
public final class AssessmentBasisRepository {
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public AssessmentBasisRepository(Database db) {
        this.jdbc = db.jdbc();
        this.batch = new NamedParameterJdbcTemplate(db.dataSource());
    }

    /**
     * What one CVE's assessments used.
     *
     * @param kev  the store's KEV entry, or null when the CVE is not in it
     * @param epss the store's EPSS score, or null when there is none that was used
     */
    public record Basis(String cve, KevEntry kev, EpssScore epss) {}

    /** The releases (and their CVEs) whose assessments the store's KEV and EPSS data no longer match. */
    public record Outdated(Map<Long, Set<String>> cvesByRelease) {
        public Set<Long> releases() {
            return cvesByRelease.keySet();
        }

        public int cves() {
            Set<String> all = new LinkedHashSet<>();
            cvesByRelease.values().forEach(all::addAll);
            return all.size();
        }
    }

    /** Replaces what the release's assessments used (joins a running transaction). */
    public void replace(long releaseId, Collection<Basis> rows) {
        jdbc.sql("delete from assessment_basis where release_id = :r").param("r", releaseId).update();
        Map<String, Basis> byCve = new LinkedHashMap<>();
        for (Basis b : rows) {
            byCve.putIfAbsent(b.cve().toUpperCase(Locale.ROOT), b);
        }
        List<MapSqlParameterSource> params = new ArrayList<>();
        for (Map.Entry<String, Basis> e : byCve.entrySet()) {
            KevEntry k = e.getValue().kev();
            EpssScore s = e.getValue().epss();
            params.add(new MapSqlParameterSource().addValue("r", releaseId).addValue("cve", e.getKey())
                    .addValue("kev", k == null ? 0 : 1)
                    .addValue("added", k == null ? null : k.dateAdded())
                    .addValue("due", k == null ? null : k.dueDate())
                    .addValue("ransomware", k == null ? null : k.knownRansomwareCampaignUse())
                    .addValue("epss", s == null || Double.isNaN(s.epss()) ? null : s.epss(), java.sql.Types.DOUBLE)
                    .addValue("percentile", s == null || Double.isNaN(s.percentile()) ? null : s.percentile(),
                            java.sql.Types.DOUBLE));
            if (params.size() >= BATCH) {
                insert(params);
            }
        }
        insert(params);
    }

    private void insert(List<MapSqlParameterSource> params) {
        if (params.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                insert into assessment_basis (release_id, cve_id, kev, kev_date_added, kev_due_date, kev_ransomware_use,
                                              epss, epss_percentile)
                values (:r, :cve, :kev, :added, :due, :ransomware, :epss, :percentile)""",
                params.toArray(new MapSqlParameterSource[0]));
        params.clear();
    }

    /** What the release's assessments used, by CVE. */
    public Map<String, Basis> of(long releaseId) {
        Map<String, Basis> out = new LinkedHashMap<>();
        jdbc.sql("""
                select cve_id, kev, kev_date_added, kev_due_date, kev_ransomware_use, epss, epss_percentile
                from assessment_basis where release_id = :r order by cve_id""").param("r", releaseId).query(rs -> {
                    String cve = rs.getString(1);
                    KevEntry k = rs.getInt(2) == 1 ? new KevEntry(cve, null, null, null, rs.getString(3), null, null,
                            rs.getString(4), rs.getString(5), null, List.of()) : null;
                    double epss = rs.getDouble(6);
                    EpssScore s = rs.wasNull() ? null : new EpssScore(cve, epss, rs.getDouble(7));
                    out.put(cve, new Basis(cve, k, s));
                });
        return out;
    }

    /**
     * The releases whose assessments used KEV or EPSS data that the store no longer has: a CVE listed in or removed
     * from KEV, or its listing's date added, due date or ransomware use changed; an EPSS score that appeared or went,
     * or whose probability moved by at least {@code epssDelta} or percentile by at least {@code percentileDelta}
     * (smaller daily drift is left until the release is analysed for another reason).
     */
    public Outdated outdated(double epssDelta, double percentileDelta) {
        Map<Long, Set<String>> out = new LinkedHashMap<>();
        jdbc.sql("""
                select b.release_id, b.cve_id
                from assessment_basis b
                left join kev_entry k on k.cve_id = b.cve_id
                left join epss_score e on e.cve_id = b.cve_id and e.epss is not null and e.percentile is not null
                where (b.kev = 1 and k.cve_id is null)
                   or (b.kev = 0 and k.cve_id is not null)
                   or (b.kev = 1 and (coalesce(k.date_added, '') <> coalesce(b.kev_date_added, '')
                                   or coalesce(k.due_date, '') <> coalesce(b.kev_due_date, '')
                                   or coalesce(k.ransomware_use, '') <> coalesce(b.kev_ransomware_use, '')))
                   or (b.epss is null and e.cve_id is not null)
                   or (b.epss is not null and e.cve_id is null)
                   or abs(e.epss - b.epss) >= :epssDelta
                   or abs(e.percentile - b.epss_percentile) >= :percentileDelta
                order by b.release_id, b.cve_id""")
                .param("epssDelta", epssDelta).param("percentileDelta", percentileDelta)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                });
        return new Outdated(out);
    }
}
