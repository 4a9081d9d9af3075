package dev.mamori.store;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisoryCodec;
import dev.mamori.advisory.AdvisorySink;
import dev.mamori.advisory.CweEntry;
import dev.mamori.advisory.CweReader;
import dev.mamori.advisory.EpssHeader;
import dev.mamori.advisory.EpssScore;
import dev.mamori.advisory.KevCatalog;
import dev.mamori.advisory.KevEntry;
import dev.mamori.purl.PackageKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One import: receives records from the readers ({@link AdvisorySink}) and writes them in batches through one
 * connection whose transaction the caller commits or rolls back. Nothing is committed here, so a file that fails
 * half-way leaves the store as it was.
 *
 * <p>Per batch: one query fetches the content hashes the store has for the batch's keys; records whose hash is equal
 * are counted unchanged and not written; the others are upserted ({@code INSERT … ON CONFLICT … DO UPDATE}, which
 * SQLite ≥ 3.24 and PostgreSQL both accept), their old index rows deleted and new ones inserted, all as JDBC batches.
 *
 * <p>An import may carry several versions of one record (two days of EPSS, two NVD pages that overlap): they are
 * applied in order and the last wins. So that importing the same files again still changes nothing, a record the
 * store held before the import and that ends the import with the content it had is put back as it was (when and
 * where from it was read: {@code imported_at}, {@code origin}, {@code fetched_at}), and its intermediate versions
 * are counted unchanged.
 */
final class ImportSession implements AdvisorySink {
    /** Records per batch: one lookup query and one JDBC batch per table for this many. */
    static final int BATCH = 500;
    static final String ADVISORIES = "advisories";
    static final String KEV = "kev";
    static final String EPSS = "epss";
    static final String CWE = "cwe";

    private static final HexFormat HEX = HexFormat.of();

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Connection c;
    private final String now;
    private final MessageDigest sha256;

    private final List<Prepared> advisories = new ArrayList<>(BATCH);
    private final List<KevEntry> kevEntries = new ArrayList<>(BATCH);
    private final List<EpssScore> epssScores = new ArrayList<>(BATCH * 2);
    private final List<CweEntry> cweEntries = new ArrayList<>(BATCH);

    private final Map<String, long[]> counts = new TreeMap<>();
    private final Map<String, Meta> meta = new HashMap<>();
    private final List<String> skipped = new ArrayList<>();
    private final Map<Integer, PreparedStatement> lookups = new HashMap<>();
    private final Map<Key, Changed> changed = new HashMap<>();

    private final PreparedStatement upsertAdvisory;
    private final PreparedStatement[] deleteIndex;
    private final PreparedStatement insertPackage;
    private final PreparedStatement insertCpe;
    private final PreparedStatement insertAlias;
    private final PreparedStatement upsertKev;
    private final PreparedStatement upsertEpss;
    private final PreparedStatement upsertCwe;
    private final PreparedStatement[] deleteCweModes;
    private final PreparedStatement insertCweIntroduction;
    private final PreparedStatement insertCweParent;

    /** What an import learns about a source besides its records. */
    private static final class Meta {
        final String kind;
        Instant newestModified;
        String feedVersion;
        String feedDate;
        Instant lastSync;

        Meta(String kind) {
            this.kind = kind;
        }
    }

    /** The tables an import writes records to. */
    enum Table {
        ADVISORY("advisory", "source = ? and advisory_id = ?"),
        KEV("kev_entry", "cve_id = ?"),
        EPSS("epss_score", "cve_id = ?"),
        CWE("cwe_entry", "cwe_id = ?");

        final String name;
        final String where;

        Table(String name, String where) {
            this.name = name;
            this.where = where;
        }
    }

    /** A record's key: the table, the source it is counted under, and its id. */
    record Key(Table table, String source, String id) {}

    /**
     * A record's state in the store: the hash it is compared by, when it was written, and for an advisory where that
     * copy was read from (origin, fetched_at).
     */
    private record Stored(String sha, String importedAt, String origin, String fetchedAt) {
        Stored(String sha, String importedAt) {
            this(sha, importedAt, null, null);
        }
    }

    /** A record the store held before this import and that this import changed: how it was, and what was counted. */
    private static final class Changed {
        final Stored before;
        String last;
        long updated;
        long withdrawn;

        Changed(Stored before) {
            this.before = before;
        }
    }

    /**
     * An advisory ready to be written: its stored form, the hash it is compared by, and its index rows. Made by
     * {@link #prepare}, which needs no connection, so a reader thread can do this work while the writer writes.
     */
    record Prepared(Key key, Advisory advisory, String content, String sha, Set<PackageKey> packages,
                    Set<IntelIndexes.VendorProduct> cpes, Map<String, IntelIndexes.AliasKind> aliases) {}

    ImportSession(Connection c, Instant now) throws SQLException {
        this.c = c;
        this.now = Timestamps.format(now);
        this.sha256 = newSha256();
        claimWriter();
        upsertAdvisory = c.prepareStatement("""
                insert into advisory (source, advisory_id, content, content_sha256, published, modified, withdrawn,
                                      origin, fetched_at, upstream_modified, imported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (source, advisory_id) do update set
                    content = excluded.content, content_sha256 = excluded.content_sha256,
                    published = excluded.published, modified = excluded.modified, withdrawn = excluded.withdrawn,
                    origin = excluded.origin, fetched_at = excluded.fetched_at,
                    upstream_modified = excluded.upstream_modified, imported_at = excluded.imported_at""");
        deleteIndex = new PreparedStatement[] {
            c.prepareStatement("delete from advisory_package where source = ? and advisory_id = ?"),
            c.prepareStatement("delete from advisory_cpe where source = ? and advisory_id = ?"),
            c.prepareStatement("delete from advisory_alias where source = ? and advisory_id = ?"),
        };
        insertPackage = c.prepareStatement(
                "insert into advisory_package (ecosystem, name, source, advisory_id) values (?, ?, ?, ?)");
        insertCpe = c.prepareStatement(
                "insert into advisory_cpe (vendor, product, source, advisory_id) values (?, ?, ?, ?)");
        insertAlias = c.prepareStatement(
                "insert into advisory_alias (alias, source, advisory_id, kind) values (?, ?, ?, ?)");
        upsertKev = c.prepareStatement("""
                insert into kev_entry (cve_id, date_added, due_date, ransomware_use, content, content_sha256, imported_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (cve_id) do update set
                    date_added = excluded.date_added, due_date = excluded.due_date,
                    ransomware_use = excluded.ransomware_use, content = excluded.content,
                    content_sha256 = excluded.content_sha256, imported_at = excluded.imported_at""");
        upsertEpss = c.prepareStatement("""
                insert into epss_score (cve_id, epss, percentile, imported_at) values (?, ?, ?, ?)
                on conflict (cve_id) do update set
                    epss = excluded.epss, percentile = excluded.percentile, imported_at = excluded.imported_at""");
        upsertCwe = c.prepareStatement("""
                insert into cwe_entry (cwe_id, kind, name, abstraction, content, content_sha256, imported_at, introductions)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (cwe_id) do update set
                    kind = excluded.kind, name = excluded.name, abstraction = excluded.abstraction,
                    content = excluded.content, content_sha256 = excluded.content_sha256,
                    imported_at = excluded.imported_at, introductions = excluded.introductions""");
        deleteCweModes = new PreparedStatement[] {
            c.prepareStatement("delete from cwe_introduction where cwe_id = ?"),
            c.prepareStatement("delete from cwe_parent where cwe_id = ?"),
        };
        insertCweIntroduction = c.prepareStatement("insert into cwe_introduction (cwe_id, seq, phase, note) values (?, ?, ?, ?)");
        insertCweParent = c.prepareStatement("insert into cwe_parent (cwe_id, seq, parent_id) values (?, ?, ?)");
    }

    /**
     * Takes the writer's place before reading anything. On SQLite a transaction that read first and writes later
     * fails if another writer committed in between (its snapshot is stale); a write as the first statement makes it
     * wait for the other writer instead (busy timeout). On PostgreSQL it is a no-op.
     */
    private void claimWriter() throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update intel_source set records = records where source = ?")) {
            s.setString(1, "");
            s.executeUpdate();
        }
    }

    // ---- AdvisorySink ---------------------------------------------------------------------------------------------

    @Override
    public void advisory(Advisory a) {
        add(prepare(a, sha256));
    }

    /** Encodes, hashes and indexes an advisory (any thread; the digest is the caller's). */
    static Prepared prepare(Advisory a, MessageDigest sha256) {
        String source = a.provenance().source();
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("advisory " + a.id() + " has no source");
        }
        byte[] content = AdvisoryCodec.encode(a, AdvisoryCodec.Form.WITHOUT_ORIGIN);
        String sha = HEX.formatHex(sha256.digest(AdvisoryCodec.encode(a, AdvisoryCodec.Form.COMPARABLE)));
        return new Prepared(new Key(Table.ADVISORY, source, a.id()), a, new String(content, StandardCharsets.UTF_8), sha,
                IntelIndexes.packages(a), IntelIndexes.cpes(a), IntelIndexes.aliases(a));
    }

    /** Takes a prepared advisory into the current batch. */
    void add(Prepared p) {
        seenModified(meta(p.key().source(), ADVISORIES), p.advisory().modified());
        advisories.add(p);
        if (advisories.size() >= BATCH) {
            run(this::flushAdvisories);
        }
    }

    @Override
    public void kev(KevEntry entry) {
        kevEntries.add(entry);
        meta(KEV, KEV);
        if (kevEntries.size() >= BATCH) {
            run(this::flushKev);
        }
    }

    @Override
    public void kevCatalog(KevCatalog catalog) {
        Meta m = meta(KEV, KEV);
        m.feedVersion = catalog.catalogVersion();
        m.feedDate = catalog.dateReleased();
        seenModified(m, catalog.dateReleased());
    }

    @Override
    public void epss(EpssScore score) {
        epssScores.add(score);
        meta(EPSS, EPSS);
        if (epssScores.size() >= BATCH * 2) {
            run(this::flushEpss);
        }
    }

    @Override
    public void epssHeader(EpssHeader header) {
        Meta m = meta(EPSS, EPSS);
        if (header.modelVersion() != null) {
            m.feedVersion = header.modelVersion();
        }
        if (header.scoreDate() != null) {
            m.feedDate = header.scoreDate();
            seenModified(m, header.scoreDate());
        }
    }

    @Override
    public void cwe(CweEntry entry) {
        cweEntries.add(entry);
        meta(CWE, CWE);
        if (cweEntries.size() >= BATCH) {
            run(this::flushCwe);
        }
    }

    @Override
    public void cweCatalog(CweReader.Catalog catalog) {
        Meta m = meta(CWE, CWE);
        m.feedVersion = catalog.version();
        m.feedDate = catalog.date();
        seenModified(m, catalog.date());
    }

    @Override
    public void skipped(Path file, String reason) {
        skipped.add(file + ": " + reason);
    }

    // ---- what a bundle import adds --------------------------------------------------------------------------------

    /** Source facts carried by a bundle manifest: applied as if this import had read them from the source itself. */
    void sourceFacts(String source, String kind, Instant lastSync, Instant newestModified, String feedVersion,
                     String feedDate) {
        Meta m = meta(source, kind);
        if (lastSync != null) {
            m.lastSync = lastSync;
        }
        if (newestModified != null && (m.newestModified == null || newestModified.isAfter(m.newestModified))) {
            m.newestModified = newestModified;
        }
        if (feedVersion != null) {
            m.feedVersion = feedVersion;
        }
        if (feedDate != null) {
            m.feedDate = feedDate;
        }
    }

    /** Writes what is pending and the source status rows; the caller commits. */
    ImportResult finish() throws SQLException {
        flushAdvisories();
        flushKev();
        flushEpss();
        flushCwe();
        restoreUnchanged();
        for (Map.Entry<String, Meta> e : meta.entrySet()) {
            writeStatus(e.getKey(), e.getValue());
        }
        Map<String, ImportResult.Counts> out = new TreeMap<>();
        for (String source : meta.keySet()) {
            long[] n = counts.getOrDefault(source, new long[4]);
            out.put(source, new ImportResult.Counts(n[0], n[1], n[2], n[3]));
        }
        closeStatements();
        return new ImportResult(out, skipped);
    }

    void closeStatements() {
        List<PreparedStatement> all = new ArrayList<>(List.of(upsertAdvisory, insertPackage, insertCpe, insertAlias,
                upsertKev, upsertEpss, upsertCwe, insertCweIntroduction, insertCweParent));
        all.addAll(List.of(deleteIndex));
        all.addAll(List.of(deleteCweModes));
        all.addAll(lookups.values());
        for (PreparedStatement s : all) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // closing the connection closes it too
            }
        }
    }

    // ---- advisories -----------------------------------------------------------------------------------------------

    private void flushAdvisories() throws SQLException {
        if (advisories.isEmpty()) {
            return;
        }
        Map<Key, Stored> existing = existingHashes();
        Map<Key, Stored> current = new HashMap<>(existing);
        Map<Key, Prepared> toWrite = new LinkedHashMap<>();
        for (Prepared p : advisories) {
            if (classify(p.key(), p.sha(), current, p.advisory().withdrawn() != null)) {
                toWrite.put(p.key(), p);
            }
        }
        advisories.clear();
        if (toWrite.isEmpty()) {
            return;
        }
        for (Prepared p : toWrite.values()) {
            Advisory a = p.advisory();
            PreparedStatement s = upsertAdvisory;
            s.setString(1, p.key().source());
            s.setString(2, p.key().id());
            s.setString(3, p.content());
            s.setString(4, p.sha());
            s.setString(5, a.published());
            s.setString(6, a.modified());
            s.setString(7, a.withdrawn());
            s.setString(8, a.provenance().origin());
            // full precision: it is part of the record's provenance, not an ordering key
            Instant fetchedAt = a.provenance().fetchedAt();
            s.setString(9, fetchedAt == null ? null : fetchedAt.toString());
            s.setString(10, a.provenance().upstreamModified());
            s.setString(11, now);
            s.addBatch();
        }
        upsertAdvisory.executeBatch();
        boolean anyDelete = false;
        for (Key k : toWrite.keySet()) {
            if (existing.containsKey(k)) {
                for (PreparedStatement d : deleteIndex) {
                    d.setString(1, k.source());
                    d.setString(2, k.id());
                    d.addBatch();
                }
                anyDelete = true;
            }
        }
        if (anyDelete) {
            for (PreparedStatement d : deleteIndex) {
                d.executeBatch();
            }
        }
        boolean packages = false;
        boolean cpes = false;
        for (Prepared p : toWrite.values()) {
            String source = p.key().source();
            String id = p.key().id();
            for (PackageKey pk : p.packages()) {
                insertPackage.setString(1, pk.ecosystem());
                insertPackage.setString(2, pk.name());
                insertPackage.setString(3, source);
                insertPackage.setString(4, id);
                insertPackage.addBatch();
                packages = true;
            }
            for (IntelIndexes.VendorProduct vp : p.cpes()) {
                insertCpe.setString(1, vp.vendor());
                insertCpe.setString(2, vp.product());
                insertCpe.setString(3, source);
                insertCpe.setString(4, id);
                insertCpe.addBatch();
                cpes = true;
            }
            for (Map.Entry<String, IntelIndexes.AliasKind> alias : p.aliases().entrySet()) {
                insertAlias.setString(1, alias.getKey());
                insertAlias.setString(2, source);
                insertAlias.setString(3, id);
                insertAlias.setString(4, alias.getValue().label());
                insertAlias.addBatch();
            }
        }
        if (packages) {
            insertPackage.executeBatch();
        }
        if (cpes) {
            insertCpe.executeBatch();
        }
        insertAlias.executeBatch();
    }

    /**
     * Counts a record against the store's current state ({@code current}, updated here) and says whether it must be
     * written.
     */
    private boolean classify(Key key, String sha, Map<Key, Stored> current, boolean withdrawn) {
        long[] n = counter(key.source());
        Stored held = current.get(key);
        if (held == null) {
            n[0]++;
        } else if (held.sha().equals(sha)) {
            n[2]++;
            return false;
        } else {
            n[1]++;
            Changed ch = changed.get(key);
            if (ch == null && !held.importedAt().equals(now)) {
                // first change of a record the store held before this import (a row written by this import carries
                // this import's time: it was added by it, and there is nothing to put back)
                ch = new Changed(held);
                changed.put(key, ch);
            }
            if (ch != null) {
                ch.last = sha;
                ch.updated++;
                if (withdrawn) {
                    ch.withdrawn++;
                }
            }
        }
        if (withdrawn) {
            n[3]++;
        }
        current.put(key, new Stored(sha, now));
        return true;
    }

    /** Records changed and changed back by this import are put back as they were, and counted unchanged. */
    private void restoreUnchanged() throws SQLException {
        Map<Table, PreparedStatement> restores = new java.util.EnumMap<>(Table.class);
        try {
            for (Map.Entry<Key, Changed> e : changed.entrySet()) {
                Key k = e.getKey();
                Changed ch = e.getValue();
                if (!ch.before.sha().equals(ch.last)) {
                    continue;
                }
                long[] n = counter(k.source());
                n[1] -= ch.updated;
                n[2] += ch.updated;
                n[3] -= ch.withdrawn;
                PreparedStatement s = restores.get(k.table());
                if (s == null) {
                    s = c.prepareStatement("update " + k.table().name + " set imported_at = ?"
                            + (k.table() == Table.ADVISORY ? ", origin = ?, fetched_at = ?" : "")
                            + " where " + k.table().where);
                    restores.put(k.table(), s);
                }
                s.setString(1, ch.before.importedAt());
                if (k.table() == Table.ADVISORY) {
                    s.setString(2, ch.before.origin());
                    s.setString(3, ch.before.fetchedAt());
                    s.setString(4, k.source());
                    s.setString(5, k.id());
                } else {
                    s.setString(2, k.id());
                }
                s.addBatch();
            }
            for (PreparedStatement s : restores.values()) {
                s.executeBatch();
            }
        } finally {
            for (PreparedStatement s : restores.values()) {
                s.close();
            }
        }
        changed.clear();
    }

    /** The stored state of the pending records' keys, one query per source in the batch. */
    private Map<Key, Stored> existingHashes() throws SQLException {
        Map<String, Set<String>> bySource = new LinkedHashMap<>();
        for (Prepared p : advisories) {
            bySource.computeIfAbsent(p.key().source(), k -> new java.util.LinkedHashSet<>()).add(p.key().id());
        }
        Map<Key, Stored> out = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : bySource.entrySet()) {
            List<String> ids = new ArrayList<>(e.getValue());
            PreparedStatement s = lookup(
                    "select advisory_id, content_sha256, imported_at, origin, fetched_at from advisory"
                            + " where source = ? and advisory_id in ",
                    1, ids.size());
            s.setString(1, e.getKey());
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 2, ids.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(new Key(Table.ADVISORY, e.getKey(), rs.getString(1)),
                            new Stored(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** A cached statement {@code prefix (?, ?, …)} with {@code n} placeholders in the list after {@code fixed} others. */
    private PreparedStatement lookup(String prefix, int fixed, int n) throws SQLException {
        int cacheKey = prefix.hashCode() * 31 + n;
        PreparedStatement s = lookups.get(cacheKey);
        if (s == null) {
            StringBuilder sql = new StringBuilder(prefix).append('(');
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            s = c.prepareStatement(sql.append(')').toString());
            lookups.put(cacheKey, s);
        }
        s.clearParameters();
        return s;
    }

    // ---- KEV, EPSS, CWE -------------------------------------------------------------------------------------------

    private void flushKev() throws SQLException {
        if (kevEntries.isEmpty()) {
            return;
        }
        Map<Key, Stored> current = stored(Table.KEV, KEV,
                "select cve_id, content_sha256, imported_at from kev_entry where cve_id in ",
                kevEntries.stream().map(KevEntry::cveId).toList());
        // one row per key in a batch: PostgreSQL refuses a multi-row upsert that touches a row twice
        Map<String, KevEntry> toWrite = new LinkedHashMap<>();
        Map<String, byte[]> contents = new HashMap<>();
        for (KevEntry k : kevEntries) {
            byte[] content = AdvisoryCodec.encode(k);
            if (classify(new Key(Table.KEV, KEV, k.cveId()), sha(content), current, false)) {
                toWrite.put(k.cveId(), k);
                contents.put(k.cveId(), content);
            }
        }
        kevEntries.clear();
        for (KevEntry k : toWrite.values()) {
            byte[] content = contents.get(k.cveId());
            String sha = sha(content);
            upsertKev.setString(1, k.cveId());
            upsertKev.setString(2, k.dateAdded());
            upsertKev.setString(3, k.dueDate());
            upsertKev.setString(4, k.knownRansomwareCampaignUse());
            upsertKev.setString(5, new String(content, StandardCharsets.UTF_8));
            upsertKev.setString(6, sha);
            upsertKev.setString(7, now);
            upsertKev.addBatch();
        }
        if (!toWrite.isEmpty()) {
            upsertKev.executeBatch();
        }
    }

    private void flushCwe() throws SQLException {
        if (cweEntries.isEmpty()) {
            return;
        }
        Map<Key, Stored> current = stored(Table.CWE, CWE,
                "select cwe_id, content_sha256, imported_at from cwe_entry where cwe_id in ",
                cweEntries.stream().map(CweEntry::id).toList());
        Map<String, CweEntry> toWrite = new LinkedHashMap<>();
        Map<String, byte[]> contents = new HashMap<>();
        for (CweEntry w : cweEntries) {
            byte[] content = AdvisoryCodec.encode(w);
            if (classify(new Key(Table.CWE, CWE, w.id()), sha(content), current, false)) {
                toWrite.put(w.id(), w);
                contents.put(w.id(), content);
            }
        }
        cweEntries.clear();
        for (CweEntry w : toWrite.values()) {
            byte[] content = contents.get(w.id());
            String sha = sha(content);
            upsertCwe.setString(1, w.id());
            upsertCwe.setString(2, w.kind() == null ? "UNKNOWN" : w.kind().name());
            upsertCwe.setString(3, w.name());
            upsertCwe.setString(4, w.abstraction());
            upsertCwe.setString(5, new String(content, StandardCharsets.UTF_8));
            upsertCwe.setString(6, sha);
            upsertCwe.setString(7, now);
            if (w.introductions() == null) {
                upsertCwe.setNull(8, Types.INTEGER);
            } else {
                upsertCwe.setInt(8, w.introductions().size());
            }
            upsertCwe.addBatch();
        }
        if (!toWrite.isEmpty()) {
            upsertCwe.executeBatch();
            writeCweModes(toWrite.values());
        }
    }

    /** What the weakness classifier reads of each entry written: its modes of introduction and ChildOf parents. */
    private void writeCweModes(java.util.Collection<CweEntry> written) throws SQLException {
        boolean introductions = false;
        boolean parents = false;
        for (CweEntry w : written) {
            for (PreparedStatement d : deleteCweModes) {
                d.setString(1, w.id());
                d.addBatch();
            }
            List<CweEntry.Introduction> modes = w.introductions() == null ? List.of() : w.introductions();
            int seq = 0;
            for (CweEntry.Introduction mode : modes) {
                if (mode.phase() == null) {
                    continue;
                }
                insertCweIntroduction.setString(1, w.id());
                insertCweIntroduction.setInt(2, seq++);
                insertCweIntroduction.setString(3, mode.phase());
                insertCweIntroduction.setString(4, mode.note());
                insertCweIntroduction.addBatch();
                introductions = true;
            }
            List<String> childOf = w.childOf();
            for (int i = 0; i < childOf.size(); i++) {
                insertCweParent.setString(1, w.id());
                insertCweParent.setInt(2, i);
                insertCweParent.setString(3, childOf.get(i));
                insertCweParent.addBatch();
                parents = true;
            }
        }
        for (PreparedStatement d : deleteCweModes) {
            d.executeBatch();
        }
        if (introductions) {
            insertCweIntroduction.executeBatch();
        }
        if (parents) {
            insertCweParent.executeBatch();
        }
    }

    /** The stored state of some ids of a one-key table; the query selects id, hash, imported_at. */
    private Map<Key, Stored> stored(Table table, String source, String prefix, List<String> ids) throws SQLException {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        PreparedStatement s = lookup(prefix, 0, distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            s.setString(i + 1, distinct.get(i));
        }
        Map<Key, Stored> out = new HashMap<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(new Key(table, source, rs.getString(1)), new Stored(rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    private void flushEpss() throws SQLException {
        if (epssScores.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(epssScores.stream().map(EpssScore::cve).toList()));
        PreparedStatement s = lookup("select cve_id, epss, percentile, imported_at from epss_score where cve_id in ", 0,
                ids.size());
        for (int i = 0; i < ids.size(); i++) {
            s.setString(i + 1, ids.get(i));
        }
        Map<Key, Stored> current = new HashMap<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                current.put(new Key(Table.EPSS, EPSS, rs.getString(1)),
                        new Stored(epssValue(nanIfNull(rs, 2), nanIfNull(rs, 3)), rs.getString(4)));
            }
        }
        Map<String, EpssScore> toWrite = new LinkedHashMap<>();
        for (EpssScore e : epssScores) {
            if (classify(new Key(Table.EPSS, EPSS, e.cve()), epssValue(e.epss(), e.percentile()), current, false)) {
                toWrite.put(e.cve(), e);
            }
        }
        epssScores.clear();
        for (EpssScore e : toWrite.values()) {
            upsertEpss.setString(1, e.cve());
            setDouble(upsertEpss, 2, e.epss());
            setDouble(upsertEpss, 3, e.percentile());
            upsertEpss.setString(4, now);
            upsertEpss.addBatch();
        }
        if (!toWrite.isEmpty()) {
            upsertEpss.executeBatch();
        }
    }

    /** An EPSS score compares by its two numbers. */
    private static String epssValue(double epss, double percentile) {
        return epss + "|" + percentile;
    }

    private static double nanIfNull(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static void setDouble(PreparedStatement s, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, v);
        }
    }

    // ---- source status --------------------------------------------------------------------------------------------

    private void writeStatus(String source, Meta m) throws SQLException {
        long records;
        long withdrawn = 0;
        String countSql = switch (m.kind) {
            case KEV -> "select count(*), 0 from kev_entry";
            case EPSS -> "select count(*), 0 from epss_score";
            case CWE -> "select count(*), 0 from cwe_entry";
            default -> "select count(*), count(withdrawn) from advisory where source = ?";
        };
        try (PreparedStatement s = c.prepareStatement(countSql)) {
            if (m.kind.equals(ADVISORIES)) {
                s.setString(1, source);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                records = rs.getLong(1);
                withdrawn = rs.getLong(2);
            }
        }
        // Fixed-width UTC text: the later of two instants is the greater text, on both databases.
        try (PreparedStatement s = c.prepareStatement("""
                insert into intel_source (source, kind, records, withdrawn, last_sync, newest_modified, feed_version,
                                          feed_date)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (source) do update set
                    kind = excluded.kind, records = excluded.records, withdrawn = excluded.withdrawn,
                    last_sync = case when intel_source.last_sync is null or excluded.last_sync > intel_source.last_sync
                                     then excluded.last_sync else intel_source.last_sync end,
                    newest_modified = case when intel_source.newest_modified is null
                                             or excluded.newest_modified > intel_source.newest_modified
                                           then excluded.newest_modified else intel_source.newest_modified end,
                    feed_version = coalesce(excluded.feed_version, intel_source.feed_version),
                    feed_date = coalesce(excluded.feed_date, intel_source.feed_date)""")) {
            s.setString(1, source);
            s.setString(2, m.kind);
            s.setLong(3, records);
            s.setLong(4, withdrawn);
            s.setString(5, m.lastSync != null ? Timestamps.format(m.lastSync) : now);
            s.setString(6, Timestamps.format(m.newestModified));
            s.setString(7, m.feedVersion);
            s.setString(8, m.feedDate);
            s.executeUpdate();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private String sha(byte[] bytes) {
        return HEX.formatHex(sha256.digest(bytes));
    }

    private Meta meta(String source, String kind) {
        return meta.computeIfAbsent(source, k -> new Meta(kind));
    }

    private long[] counter(String source) {
        return counts.computeIfAbsent(source, k -> new long[4]);
    }

    private static void seenModified(Meta m, String modified) {
        Instant t = Timestamps.parseSource(modified);
        if (t != null && (m.newestModified == null || t.isAfter(m.newestModified))) {
            m.newestModified = t;
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private static void run(SqlWork work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new StoreException("writing to the store failed: " + e.getMessage(), e);
        }
    }
}
