package dev.mamori.store;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisoryCodec;
import dev.mamori.advisory.AdvisorySink;
import dev.mamori.advisory.AdvisorySources;
import dev.mamori.advisory.CweEntry;
import dev.mamori.advisory.EpssScore;
import dev.mamori.advisory.KevEntry;
import dev.mamori.purl.PackageKey;
import dev.mamori.report.ThreatData;
import dev.mamori.risk.CweCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vulnerability intelligence in the store: advisories of every source with their indexes (by package, by CPE
 * vendor:product, by id and alias), KEV, EPSS and CWE, and a status per source.
 *
 * <p>An import is one transaction: if any file fails, nothing of the import is written. Records are keyed by
 * (source, id) and compared by a hash of their content: an identical record is counted unchanged and not written, so
 * re-importing the same data changes nothing. Nothing is deleted: a record missing from a later import stays, and a
 * withdrawn one is kept with its withdrawal date.
 */
public final class AdvisoryStore {
    private static final String COLUMNS = "a.content, a.origin, a.fetched_at";

    private final Database database;
    private final JdbcClient jdbc;

    public AdvisoryStore(Database database) {
        this.database = database;
        this.jdbc = database.jdbc();
    }

    Database database() {
        return database;
    }

    /** Produces the records of an import into the sink it is given. */
    @FunctionalInterface
    public interface Reading {
        void read(AdvisorySink sink);
    }

    /**
     * Imports files, directories and archives in any format {@link AdvisorySources} recognises, in one transaction.
     *
     * @param fetchedAt when the files were fetched from their sources, for provenance; null when unknown
     * @param now       the import time (source status, {@code imported_at})
     * @throws dev.mamori.input.InputException for the first unreadable or malformed file; nothing is written
     */
    public ImportResult importPaths(List<Path> paths, Instant fetchedAt, Instant now) {
        return importFrom(now, sink -> {
            for (Path p : paths) {
                AdvisorySources.read(p, fetchedAt, sink);
            }
        });
    }

    /**
     * Imports whatever {@code reading} hands to its sink, in one transaction: committed when {@code reading} returns,
     * rolled back when it throws (the exception is rethrown). {@code reading} runs on a thread of its own, which also
     * encodes and hashes the records, while this thread writes them.
     */
    public ImportResult importFrom(Instant now, Reading reading) {
        return inWriteTransaction(now, session -> ImportPipeline.run(reading, session));
    }

    interface SessionWork {
        void run(ImportSession session) throws SQLException;
    }

    ImportResult inWriteTransaction(Instant now, SessionWork work) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            ImportSession session = null;
            try {
                session = new ImportSession(c, now);
                work.run(session);
                ImportResult result = session.finish();
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                if (session != null) {
                    session.closeStatements();
                }
                rollback(c, e);
                if (e instanceof SQLException sql) {
                    throw new StoreException("import failed, nothing was written: " + sql.getMessage(), sql);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot use the store: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Records that syncing a source failed (for the sync jobs; a failed import reports to its caller instead). The
     * source's data is left as it is.
     */
    public void recordFailure(String source, String message, Instant at) {
        String kind = switch (source) {
            case ImportSession.KEV, ImportSession.EPSS, ImportSession.CWE -> source;
            default -> ImportSession.ADVISORIES;
        };
        jdbc.sql("""
                insert into intel_source (source, kind, records, withdrawn, last_error, last_error_at)
                values (:source, :kind, 0, 0, :error, :at)
                on conflict (source) do update set last_error = excluded.last_error, last_error_at = excluded.last_error_at""")
                .param("source", source).param("kind", kind).param("error", message)
                .param("at", Timestamps.format(at)).update();
    }

    // ---- lookups --------------------------------------------------------------------------------------------------

    /** The advisory a source published under an id, if stored. */
    public Optional<Advisory> find(String source, String id) {
        return jdbc.sql("select " + COLUMNS + " from advisory a where a.source = :source and a.advisory_id = :id")
                .param("source", source).param("id", id)
                .query((rs, n) -> advisory(rs)).optional();
    }

    /** Advisories filed under a package (withdrawn ones included: check {@link Advisory#withdrawn()}). */
    public List<Advisory> byPackage(PackageKey key) {
        return jdbc.sql("select " + COLUMNS + " from advisory_package p join advisory a"
                        + " on a.source = p.source and a.advisory_id = p.advisory_id"
                        + " where p.ecosystem = :ecosystem and p.name = :name order by a.source, a.advisory_id")
                .param("ecosystem", key.ecosystem()).param("name", key.name())
                .query((rs, n) -> advisory(rs)).list();
    }

    /**
     * The advisories filed under any of the packages, each once, in (source, id) order: what a scan of an SBOM with
     * these packages needs, without loading the rest of the store.
     */
    public List<Advisory> byPackages(java.util.Collection<PackageKey> keys) {
        java.util.Map<List<String>, Advisory> out = new java.util.TreeMap<>(
                java.util.Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select " + COLUMNS + ", a.source, a.advisory_id"
                     + " from advisory_package p join advisory a on a.source = p.source and a.advisory_id = p.advisory_id"
                     + " where p.ecosystem = ? and p.name = ?")) {
            for (PackageKey key : new java.util.LinkedHashSet<>(keys)) {
                s.setString(1, key.ecosystem());
                s.setString(2, key.name());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        List<String> k = List.of(rs.getString(4), rs.getString(5));
                        if (!out.containsKey(k)) {
                            out.put(k, advisory(rs));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading the store failed: " + e.getMessage(), e);
        }
        return List.copyOf(out.values());
    }

    /** How many advisories in force (not withdrawn) are filed under at least one package. */
    public long packageAdvisoryCount() {
        return jdbc.sql("select count(*) from advisory a where a.withdrawn is null and exists (select 1 from"
                        + " advisory_package p where p.source = a.source and p.advisory_id = a.advisory_id)")
                .query(Long.class).single();
    }

    /** Advisories naming a CPE vendor:product (case does not matter). */
    public List<Advisory> byCpe(String vendor, String product) {
        return jdbc.sql("select " + COLUMNS + " from advisory_cpe p join advisory a"
                        + " on a.source = p.source and a.advisory_id = p.advisory_id"
                        + " where p.vendor = :vendor and p.product = :product order by a.source, a.advisory_id")
                .param("vendor", vendor.toLowerCase(Locale.ROOT)).param("product", product.toLowerCase(Locale.ROOT))
                .query((rs, n) -> advisory(rs)).list();
    }

    /** Advisories that are this id: their own id or a stated alias (case does not matter). */
    public List<Advisory> byAlias(String id) {
        return byId(id, "and p.kind in ('id', 'alias')");
    }

    /**
     * Advisories that name this id in any way: as their id, an alias, an upstream id (a distro advisory's CVEs) or a
     * related id (a CSAF document's id). The reaction path starts here when an id changes.
     */
    public List<Advisory> mentioning(String id) {
        return byId(id, "");
    }

    private List<Advisory> byId(String id, String condition) {
        return jdbc.sql("select " + COLUMNS + " from advisory_alias p join advisory a"
                        + " on a.source = p.source and a.advisory_id = p.advisory_id"
                        + " where p.alias = :alias " + condition + " order by a.source, a.advisory_id")
                .param("alias", IntelIndexes.aliasKey(id))
                .query((rs, n) -> advisory(rs)).list();
    }

    /**
     * Every stored advisory, streamed in (source, id) order without holding them all: for building the in-memory
     * index or a bundle.
     *
     * @param withPackagesOnly only advisories filed under at least one package (what the package matcher can use)
     */
    public void forEachAdvisory(boolean withPackagesOnly, Consumer<Advisory> sink) {
        String sql = "select " + COLUMNS + " from advisory a"
                + (withPackagesOnly ? " where exists (select 1 from advisory_package p"
                        + " where p.source = a.source and p.advisory_id = a.advisory_id)" : "")
                + " order by a.source, a.advisory_id";
        stream(sql, rs -> sink.accept(advisory(rs)));
    }

    /** The number of advisories stored. */
    public long advisoryCount() {
        return jdbc.sql("select count(*) from advisory").query(Long.class).single();
    }

    public Optional<KevEntry> kev(String cve) {
        return jdbc.sql("select content from kev_entry where cve_id = :cve").param("cve", cve)
                .query((rs, n) -> AdvisoryCodec.decodeKev(bytes(rs.getString(1)))).optional();
    }

    public Optional<EpssScore> epss(String cve) {
        return jdbc.sql("select cve_id, epss, percentile from epss_score where cve_id = :cve").param("cve", cve)
                .query((rs, n) -> epss(rs)).optional();
    }

    public Optional<CweEntry> cwe(String id) {
        return jdbc.sql("select content from cwe_entry where cwe_id = :id").param("id", id)
                .query((rs, n) -> AdvisoryCodec.decodeCwe(bytes(rs.getString(1)))).optional();
    }

    /** CVE ids per lookup query: well under SQLite's and PostgreSQL's parameter limits. */
    private static final int IDS_PER_QUERY = 500;

    /**
     * The store's KEV entries and EPSS scores of these CVEs (any case; keyed upper case), with the EPSS score date of
     * the last EPSS import: in bulk, one query per table for up to 500 CVEs. A score without a percentile (from a
     * file older than that column) is not used, and counted in a warning. What {@code mamori scan --db} and the
     * portfolio server's analysis assess with.
     */
    public ThreatData threatData(Collection<String> cves) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(cves.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList()));
        Map<String, KevEntry> kevs = new HashMap<>();
        Map<String, EpssScore> scores = new HashMap<>();
        int[] noPercentile = {0};
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY));
            jdbc.sql("select content from kev_entry where cve_id in (:ids)").param("ids", part)
                    .query(rs -> {
                        KevEntry k = AdvisoryCodec.decodeKev(bytes(rs.getString(1)));
                        kevs.put(k.cveId().toUpperCase(Locale.ROOT), k);
                    });
            jdbc.sql("select cve_id, epss, percentile from epss_score where cve_id in (:ids)").param("ids", part)
                    .query(rs -> {
                        EpssScore s = epss(rs);
                        if (Double.isNaN(s.percentile()) || Double.isNaN(s.epss())) {
                            noPercentile[0]++;
                        } else {
                            scores.put(s.cve().toUpperCase(Locale.ROOT), s);
                        }
                    });
        }
        List<String> warnings = new ArrayList<>();
        if (noPercentile[0] > 0) {
            warnings.add("store: " + noPercentile[0] + " EPSS score(s) of the scan's CVEs have no percentile "
                    + "(from a file older than the percentile column) and are not used");
        }
        LocalDate date = null;
        if (!scores.isEmpty()) {
            String feedDate = jdbc.sql("select feed_date from intel_source where source = :s").param("s", ImportSession.EPSS)
                    .query(String.class).optional().orElse(null);
            date = localDate(feedDate);
        }
        return new ThreatData(kevs, scores, date, warnings);
    }

    private static LocalDate localDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The CWE catalogue as the weakness classifier reads it (weaknesses with their modes of introduction and ChildOf
     * parents), in three queries; empty when the store has no CWE weakness.
     */
    public Optional<StoredCwe> cweCatalog() {
        Map<String, String> names = new HashMap<>();
        int[] withoutModes = {0};
        jdbc.sql("select cwe_id, name, introductions from cwe_entry where kind = 'WEAKNESS'").query(rs -> {
            rs.getInt(3);
            if (rs.wasNull()) {
                withoutModes[0]++;
            } else {
                names.put(rs.getString(1), rs.getString(2));
            }
        });
        if (names.isEmpty() && withoutModes[0] == 0) {
            return Optional.empty();
        }
        Map<String, List<CweCatalog.Introduction>> modes = new HashMap<>();
        jdbc.sql("select cwe_id, phase, note from cwe_introduction order by cwe_id, seq").query(rs -> {
            modes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new CweCatalog.Introduction(rs.getString(2), rs.getString(3) == null ? "" : rs.getString(3)));
        });
        Map<String, List<Integer>> parents = new HashMap<>();
        jdbc.sql("select cwe_id, parent_id from cwe_parent order by cwe_id, seq").query(rs -> {
            Integer parent = cweNumber(rs.getString(2));
            if (parent != null) {
                parents.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(parent);
            }
        });
        List<CweCatalog.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> w : names.entrySet()) {
            Integer id = cweNumber(w.getKey());
            if (id != null) {
                entries.add(new CweCatalog.Entry(id, w.getValue(), modes.getOrDefault(w.getKey(), List.of()),
                        parents.getOrDefault(w.getKey(), List.of())));
            }
        }
        String version = jdbc.sql("select feed_version from intel_source where source = :s").param("s", ImportSession.CWE)
                .query(String.class).optional().orElse(null);
        return Optional.of(new StoredCwe(CweCatalog.of(entries), entries.size(), withoutModes[0], version));
    }

    /**
     * What changes when the stored CWE catalogue changes: the number of entries and when the newest was written (an
     * import that changes nothing leaves it as it was).
     */
    public String cweFingerprint() {
        return jdbc.sql("select count(*), max(imported_at) from cwe_entry")
                .query((rs, n) -> rs.getLong(1) + "|" + rs.getString(2)).single();
    }

    /** 79 for {@code CWE-79}; null for anything else. */
    private static Integer cweNumber(String id) {
        if (id == null || !id.startsWith("CWE-") || id.length() > 13) {
            return null;
        }
        try {
            return Integer.parseInt(id.substring(4));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What the store knows about each source, by source name. */
    public List<SourceStatus> status() {
        return jdbc.sql("""
                select source, kind, records, withdrawn, last_sync, newest_modified, feed_version, feed_date,
                       last_error, last_error_at
                from intel_source order by source""")
                .query((rs, n) -> new SourceStatus(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        Timestamps.parseStored(rs.getString(5)), Timestamps.parseStored(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9), Timestamps.parseStored(rs.getString(10))))
                .list();
    }

    // ---- reading helpers ------------------------------------------------------------------------------------------

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a query and hands over its rows as they come: in a read-only transaction, so PostgreSQL streams with a
     * cursor (fetch size) instead of loading the result, and SQLite reads one snapshot.
     */
    void stream(String sql, RowHandler handler) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(500);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("reading the store failed: " + e.getMessage(), e);
        }
    }

    /** An advisory from the columns {@code content, origin, fetched_at}. */
    static Advisory advisory(ResultSet rs) throws SQLException {
        String fetched = rs.getString(3);
        return AdvisoryCodec.decode(bytes(rs.getString(1)), rs.getString(2), Timestamps.parseStored(fetched));
    }

    static EpssScore epss(ResultSet rs) throws SQLException {
        double epss = rs.getDouble(2);
        if (rs.wasNull()) {
            epss = Double.NaN;
        }
        double percentile = rs.getDouble(3);
        if (rs.wasNull()) {
            percentile = Double.NaN;
        }
        return new EpssScore(rs.getString(1), epss, percentile);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
