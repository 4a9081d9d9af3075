package dev.mamori.store.portfolio;

import dev.mamori.store.Cursor;
import dev.mamori.store.Database;
import dev.mamori.store.Page;
import dev.mamori.store.Sql;
import dev.mamori.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Findings: reconciled with each analysis (added, updated, reopened, no longer present), listed with filters, sort,
 * keyset pagination and a bounded count, and triaged.
 */
public final class FindingRepository {
    static final String COLUMNS = "f.id, f.release_id, f.component_id, f.component_key, f.component_name, f.component_version, "
            + "f.purl, f.package_ecosystem, f.package_name, f.vulnerability_id, f.aliases, f.summary, f.severity, f.severity_rank, "
            + "f.score, f.confidence, f.evidence, f.fix, f.fixed_version, f.assessment, f.status, f.first_seen, f.last_seen, "
            + "f.not_present_since, f.not_present_reason, f.fixed_in_sbom_id, f.fixed_in_version, f.triage_state, "
            + "f.triage_justification, f.triage_decision_id, f.triage_updated_at, f.updated_at, f.priority_rank";
    private static final int BATCH = 500;
    /** The priority order with unranked findings last, the same on SQLite and PostgreSQL (their NULL orders differ). */
    private static final String UNRANKED_LAST = "coalesce(f.priority_rank, 2147483647)";

    private final Database db;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public FindingRepository(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.batch = new NamedParameterJdbcTemplate(db.dataSource());
    }

    /** What a reconciliation changed. */
    public record Reconciled(int added, int updated, int reopened, int closed, int present) {}

    /**
     * Makes the release's findings what the analysis found: new ones added (first seen now), known ones updated
     * (last seen now; reopened if they were gone), the rest marked no longer present with the reason and, when the
     * component was upgraded or removed by an upload, the SBOM and version that fixed it. Triage states are set by
     * {@code triage}. One transaction.
     *
     * @param components the release's current components (for the reasons)
     * @param sbomId     the release's current SBOM
     */
    public Reconciled reconcile(long releaseId, long productId, Long sbomId, List<StoredComponent> components,
                                List<FindingData> found, TriageResolver triage, Instant now) {
        return db.inTransaction(() -> {
            String at = Timestamps.format(now);
            Map<String, List<Existing>> byKey = new HashMap<>();
            for (Existing e : existing(releaseId)) {
                byKey.computeIfAbsent(e.componentKey, k -> new ArrayList<>()).add(e);
            }
            Set<Long> matched = new HashSet<>();
            Set<String> seen = new HashSet<>();
            List<MapSqlParameterSource> inserts = new ArrayList<>();
            List<MapSqlParameterSource> updates = new ArrayList<>();
            int added = 0;
            int updated = 0;
            int reopened = 0;
            for (FindingData f : found) {
                if (!seen.add(f.componentKey() + "\n" + f.vulnerabilityId())) {
                    continue; // the same component twice in one SBOM (e.g. two classifiers of one jar)
                }
                Existing e = match(byKey.getOrDefault(f.componentKey(), List.of()), f, matched);
                var decision = triage.resolve(releaseId, productId, f.packageEcosystem(), f.packageName(), f.componentVersion(), f.ids());
                String state = decision.map(d -> d.state().label()).orElse(TriageState.IN_TRIAGE.label());
                String justification = decision.map(TriageDecision::justification).orElse(null);
                Long decisionId = decision.map(TriageDecision::id).orElse(null);
                MapSqlParameterSource p = values(f).addValue("now", at).addValue("state", state)
                        .addValue("justification", justification).addValue("decision", decisionId);
                if (e == null) {
                    inserts.add(p.addValue("release", releaseId));
                    added++;
                } else {
                    matched.add(e.id);
                    boolean triageChanged = !state.equals(e.triageState) || !java.util.Objects.equals(justification, e.justification)
                            || !java.util.Objects.equals(decisionId, e.decisionId);
                    updates.add(p.addValue("id", e.id).addValue("triageAt", triageChanged ? at : e.triageUpdatedAt));
                    if (StoredFinding.NOT_PRESENT.equals(e.status)) {
                        reopened++;
                    } else {
                        updated++;
                    }
                }
                flush(inserts, updates, false);
            }
            flush(inserts, updates, true);
            int closed = close(releaseId, sbomId, components, byKey, matched, at);
            return new Reconciled(added, updated, reopened, closed, added + updated + reopened);
        });
    }

    private record Existing(long id, String componentKey, String vulnerabilityId, List<String> aliases, String status,
                            String triageState, String justification, Long decisionId, String triageUpdatedAt) {}

    private List<Existing> existing(long releaseId) {
        return jdbc.sql("select id, component_key, vulnerability_id, aliases, status, triage_state, triage_justification, "
                        + "triage_decision_id, triage_updated_at from findings where release_id = :release")
                .param("release", releaseId)
                .query((rs, n) -> new Existing(rs.getLong(1), rs.getString(2), rs.getString(3), SbomRepository.strings(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), TriageRepository.nullableLong(rs, 8), rs.getString(9)))
                .list();
    }

    /** The same vulnerability id, else a finding of the same component that shares an id or alias (ids move to CVEs). */
    private static Existing match(List<Existing> candidates, FindingData f, Set<Long> taken) {
        for (Existing e : candidates) {
            if (!taken.contains(e.id) && e.vulnerabilityId.equals(f.vulnerabilityId())) {
                return e;
            }
        }
        Set<String> ids = new HashSet<>(f.ids());
        for (Existing e : candidates) {
            if (taken.contains(e.id) || candidates.stream().anyMatch(o -> o != e && o.vulnerabilityId.equals(f.vulnerabilityId()))) {
                continue;
            }
            if (ids.contains(e.vulnerabilityId) || e.aliases.stream().anyMatch(ids::contains)) {
                return e;
            }
        }
        return null;
    }

    private static MapSqlParameterSource values(FindingData f) {
        return new MapSqlParameterSource()
                .addValue("component", f.componentId())
                .addValue("key", f.componentKey())
                .addValue("name", SbomRepository.truncate(f.componentName(), 1000))
                .addValue("version", SbomRepository.truncate(f.componentVersion(), 200))
                .addValue("purl", f.purl())
                .addValue("eco", f.packageEcosystem())
                .addValue("pkg", SbomRepository.truncate(f.packageName(), 1000))
                .addValue("vuln", SbomRepository.truncate(f.vulnerabilityId(), 100))
                .addValue("aliases", SbomRepository.json(f.aliases()))
                .addValue("summary", f.summary())
                .addValue("severity", f.severity())
                .addValue("rank", f.severityRank())
                .addValue("score", f.score())
                .addValue("confidence", f.confidence())
                .addValue("evidence", f.evidence())
                .addValue("fix", f.fix())
                .addValue("fixed", SbomRepository.truncate(f.fixedVersion(), 200))
                .addValue("assessment", f.assessment())
                .addValue("priority", f.priorityRank(), java.sql.Types.INTEGER);
    }

    private void flush(List<MapSqlParameterSource> inserts, List<MapSqlParameterSource> updates, boolean all) {
        if (!inserts.isEmpty() && (all || inserts.size() >= BATCH)) {
            batch.batchUpdate("""
                    insert into findings (release_id, component_id, component_key, component_name, component_version, purl,
                      package_ecosystem, package_name, vulnerability_id, aliases, summary, severity, severity_rank, score,
                      confidence, evidence, fix, fixed_version, assessment, status, first_seen, last_seen, triage_state,
                      triage_justification, triage_decision_id, triage_updated_at, updated_at, priority_rank)
                    values (:release, :component, :key, :name, :version, :purl, :eco, :pkg, :vuln, :aliases, :summary, :severity,
                      :rank, :score, :confidence, :evidence, :fix, :fixed, :assessment, 'present', :now, :now, :state,
                      :justification, :decision, :now, :now, :priority)""", inserts.toArray(new MapSqlParameterSource[0]));
            inserts.clear();
        }
        if (!updates.isEmpty() && (all || updates.size() >= BATCH)) {
            batch.batchUpdate("""
                    update findings set component_id = :component, component_name = :name, component_version = :version,
                      purl = :purl, vulnerability_id = :vuln, aliases = :aliases, summary = :summary, severity = :severity,
                      severity_rank = :rank, score = :score, confidence = :confidence, evidence = :evidence, fix = :fix,
                      fixed_version = :fixed, assessment = :assessment, status = 'present', last_seen = :now,
                      not_present_since = null, not_present_reason = null, fixed_in_sbom_id = null, fixed_in_version = null,
                      triage_state = :state, triage_justification = :justification, triage_decision_id = :decision,
                      triage_updated_at = :triageAt, updated_at = :now, priority_rank = :priority
                    where id = :id""", updates.toArray(new MapSqlParameterSource[0]));
            updates.clear();
        }
    }

    private int close(long releaseId, Long sbomId, List<StoredComponent> components, Map<String, List<Existing>> byKey,
                      Set<Long> matched, String at) {
        Set<String> keysNow = new HashSet<>();
        Map<String, TreeSet<String>> versionsNow = new HashMap<>();
        for (StoredComponent c : components) {
            keysNow.add(c.componentKey());
            if (c.version() != null) {
                versionsNow.computeIfAbsent(c.packageEcosystem() + "\n" + c.packageName(), k -> new TreeSet<>()).add(versionOf(c));
            }
        }
        Map<Long, String[]> packages = new HashMap<>();
        jdbc.sql("select id, package_ecosystem, package_name from findings where release_id = :release and status = 'present'")
                .param("release", releaseId)
                .query(rs -> {
                    packages.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        List<MapSqlParameterSource> closes = new ArrayList<>();
        for (List<Existing> list : byKey.values()) {
            for (Existing e : list) {
                if (matched.contains(e.id) || !StoredFinding.PRESENT.equals(e.status)) {
                    continue;
                }
                String reason;
                String fixedIn = null;
                Long fixedSbom = null;
                if (keysNow.contains(e.componentKey)) {
                    reason = "advisory_changed";
                } else {
                    String[] pkg = packages.get(e.id);
                    TreeSet<String> versions = pkg == null ? null : versionsNow.get(pkg[0] + "\n" + pkg[1]);
                    reason = versions == null || versions.isEmpty() ? "component_removed" : "component_changed";
                    fixedIn = versions == null || versions.isEmpty() ? null : SbomRepository.truncate(String.join(", ", versions), 200);
                    fixedSbom = sbomId;
                }
                closes.add(new MapSqlParameterSource().addValue("id", e.id).addValue("now", at).addValue("reason", reason)
                        .addValue("fixedIn", fixedIn).addValue("sbom", fixedSbom));
            }
        }
        for (int i = 0; i < closes.size(); i += BATCH) {
            List<MapSqlParameterSource> part = closes.subList(i, Math.min(closes.size(), i + BATCH));
            batch.batchUpdate("""
                    update findings set status = 'not_present', not_present_since = :now, not_present_reason = :reason,
                      fixed_in_version = :fixedIn, fixed_in_sbom_id = :sbom, component_id = null, updated_at = :now
                    where id = :id""", part.toArray(new MapSqlParameterSource[0]));
        }
        return closes.size();
    }

    private static String versionOf(StoredComponent c) {
        String key = c.componentKey();
        int at = key.lastIndexOf('@');
        return at >= 0 && at < key.length() - 1 ? key.substring(at + 1) : c.version();
    }

    public Optional<StoredFinding> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from findings f where f.id = :id").param("id", id)
                .query(FindingRepository::map).optional();
    }

    /**
     * A page of the release's findings.
     *
     * @throws IllegalArgumentException for a cursor of another sort or an invalid one
     */
    public Page<StoredFinding> list(long releaseId, FindingFilter filter, FindingSort sort, String cursor, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from findings f where ");
        where(releaseId, filter, sql, params);
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, sort.label(), 2);
            String col = sort == FindingSort.PRIORITY ? UNRANKED_LAST : "f." + sort.column;
            Object v = sort == FindingSort.SEVERITY || sort == FindingSort.PRIORITY
                    ? (Object) Integer.parseInt(c.value(0)) : c.value(0);
            String cmp = sort.descending ? "<" : ">";
            sql.append(" and (").append(col).append(' ').append(cmp).append(" :cv or (").append(col).append(" = :cv and f.id ")
                    .append(sort.descending && sort != FindingSort.SEVERITY ? "<" : ">").append(" :cid))");
            params.put("cv", v);
            params.put("cid", c.id());
        }
        String dir = sort.descending ? " desc" : "";
        String idDir = sort.descending && sort != FindingSort.SEVERITY ? " desc" : "";
        sql.append(" order by ").append(sort == FindingSort.PRIORITY ? UNRANKED_LAST : "f." + sort.column).append(dir)
                .append(", f.id").append(idDir).append(" limit :limit");
        params.put("limit", limit + 1);
        List<StoredFinding> rows = jdbc.sql(sql.toString()).params(params).query(FindingRepository::map).list();
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            StoredFinding last = rows.getLast();
            String value = switch (sort) {
                case PRIORITY -> Integer.toString(last.priorityRank() == null ? Integer.MAX_VALUE : last.priorityRank());
                case SEVERITY -> Integer.toString(last.severityRank());
                case FIRST_SEEN -> Timestamps.format(last.firstSeen());
                case VULNERABILITY -> last.vulnerabilityId();
                case COMPONENT -> last.componentKey();
            };
            return new Page<>(rows, new Cursor(sort.label(), List.of(value, Long.toString(last.id()))).encode());
        }
        return new Page<>(rows, null);
    }

    /** The number of matching findings, counting no further than {@code bound}. */
    public long count(long releaseId, FindingFilter filter, int bound) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder inner = new StringBuilder("select 1 from findings f where ");
        where(releaseId, filter, inner, params);
        params.put("bound", bound);
        return jdbc.sql("select count(*) from (" + inner + " limit :bound) t").params(params).query(Long.class).single();
    }

    private static void where(long releaseId, FindingFilter filter, StringBuilder sql, Map<String, Object> params) {
        sql.append("f.release_id = :release");
        params.put("release", releaseId);
        if (!"all".equals(filter.status())) {
            sql.append(" and f.status = :status");
            params.put("status", filter.status());
        }
        if (!filter.severities().isEmpty()) {
            sql.append(" and f.severity in (:severities)");
            params.put("severities", filter.severities());
        }
        if (!filter.triageStates().isEmpty()) {
            sql.append(" and f.triage_state in (:states)");
            params.put("states", filter.triageStates());
        }
        if (filter.vulnerability() != null) {
            sql.append(" and (f.vulnerability_id = :vuln or f.aliases like :vulnAlias escape '\\')");
            params.put("vuln", filter.vulnerability());
            params.put("vulnAlias", Sql.containsPattern("\"" + filter.vulnerability() + "\""));
        }
        if (filter.component() != null) {
            sql.append(" and (f.package_name like :comp escape '\\' or f.component_name like :comp escape '\\' "
                    + "or f.purl like :comp escape '\\')");
            params.put("comp", Sql.containsPattern(filter.component()));
        }
    }

    /** A present finding with its product, for diffs and for applying decisions. */
    public record Located(StoredFinding finding, long productId) {}

    /** Present findings of the release (all of them; for diffs). */
    public List<StoredFinding> present(long releaseId) {
        return jdbc.sql("select " + COLUMNS + " from findings f where f.release_id = :release and f.status = 'present' order by f.id")
                .param("release", releaseId).query(FindingRepository::map).list();
    }

    /** Findings (present or not) of a package that a decision of this scope may reach. */
    public List<Located> reachableBy(TriageScope scope, Long productId, Long releaseId, String ecosystem, String name,
                                     String version) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", r.product_id from findings f join releases r on r.id = f.release_id "
                + "where f.package_ecosystem = :eco and f.package_name = :name");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("eco", ecosystem);
        params.put("name", name);
        switch (scope) {
            case RELEASE -> {
                sql.append(" and f.release_id = :release");
                params.put("release", releaseId);
            }
            case PRODUCT -> {
                sql.append(" and r.product_id = :product");
                params.put("product", productId);
            }
            case COMPONENT_VERSION -> {
                sql.append(" and f.component_version = :version");
                params.put("version", version);
            }
        }
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Located(map(rs, n), rs.getLong(34))).list();
    }

    /** Sets a finding's triage state; returns the finding after the change. */
    public StoredFinding setTriage(long id, String state, String justification, Long decisionId, Instant now) {
        jdbc.sql("""
                        update findings set triage_state = :state, triage_justification = :justification,
                          triage_decision_id = :decision, triage_updated_at = :now, updated_at = :now where id = :id""")
                .param("state", state).param("justification", justification).param("decision", decisionId)
                .param("now", Timestamps.format(now)).param("id", id).update();
        return find(id).orElseThrow();
    }

    static StoredFinding map(ResultSet rs, int n) throws SQLException {
        double score = rs.getDouble(15);
        Double scoreValue = rs.wasNull() ? null : score;
        return new StoredFinding(rs.getLong(1), rs.getLong(2), TriageRepository.nullableLong(rs, 3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                SbomRepository.strings(rs.getString(11)), rs.getString(12), rs.getString(13), rs.getInt(14), scoreValue,
                rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21),
                Timestamps.parse(rs.getString(22)), Timestamps.parse(rs.getString(23)), Timestamps.parse(rs.getString(24)),
                rs.getString(25), TriageRepository.nullableLong(rs, 26), rs.getString(27), rs.getString(28), rs.getString(29),
                TriageRepository.nullableLong(rs, 30), Timestamps.parse(rs.getString(31)), Timestamps.parse(rs.getString(32)),
                rs.getObject(33) == null ? null : rs.getInt(33));
    }
}
