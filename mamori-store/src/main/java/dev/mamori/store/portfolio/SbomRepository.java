package dev.mamori.store.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.purl.PackageKey;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.DependencyGraph;
import dev.mamori.store.Database;
import dev.mamori.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SBOM history of releases, and the components of each release's current SBOM.
 *
 * <p>{@link #recordUpload} is one transaction: the document row, the release's components replaced by the new
 * SBOM's, the release pointed at it. A bad document never reaches it (it is parsed before), so stored data is
 * unchanged by a failed upload.
 */
public final class SbomRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final int BATCH = 1000;
    private static final String DOC_COLUMNS = "id, release_id, uploaded_at, uploaded_by, format, spec_version, encoding, media_type, "
            + "file_name, sha256, size_bytes, serial_number, document_timestamp, component_count, warnings";
    static final String COMPONENT_COLUMNS = "id, release_id, sbom_id, role, bom_ref, type, group_name, name, version, purl, "
            + "package_ecosystem, package_name, cpes, component_key, via_ref, dependency_depth";

    private final Database db;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ReleaseRepository releases;

    public SbomRepository(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.batch = new NamedParameterJdbcTemplate(db.dataSource());
        this.releases = new ReleaseRepository(db);
    }

    /** Where an upload came from. */
    public record Upload(String uploadedBy, String mediaType, String fileName, String sha256, long sizeBytes) {}

    /** Records a parsed SBOM as the release's current one; returns the document row. */
    public SbomDocument recordUpload(long releaseId, Upload upload, Bom bom, Instant now) {
        return db.inTransaction(() -> {
            List<Component> all = bom.allComponents();
            long id = jdbc.sql("""
                            insert into sbom_documents (release_id, uploaded_at, uploaded_by, format, spec_version, encoding,
                              media_type, file_name, sha256, size_bytes, serial_number, document_timestamp, component_count,
                              warning_count, warnings)
                            values (:release, :at, :by, :format, :spec, :encoding, :media, :file, :sha, :size, :serial, :ts,
                              :count, :warningCount, :warnings) returning id""")
                    .param("release", releaseId)
                    .param("at", Timestamps.format(now))
                    .param("by", upload.uploadedBy())
                    .param("format", bom.format().displayName())
                    .param("spec", bom.specVersion())
                    .param("encoding", bom.encoding())
                    .param("media", truncate(upload.mediaType(), 200))
                    .param("file", truncate(upload.fileName(), 500))
                    .param("sha", upload.sha256())
                    .param("size", upload.sizeBytes())
                    .param("serial", truncate(bom.serialNumber(), 500))
                    .param("ts", truncate(bom.timestamp(), 60))
                    .param("count", all.size())
                    .param("warningCount", bom.warnings().size())
                    .param("warnings", json(bom.warnings()))
                    .query(Long.class).single();
            jdbc.sql("update findings set component_id = null where release_id = :release").param("release", releaseId).update();
            jdbc.sql("delete from release_components where release_id = :release").param("release", releaseId).update();
            List<MapSqlParameterSource> rows = new ArrayList<>();
            DependencyGraph graph = DependencyGraph.of(bom);
            if (bom.subject() != null) {
                rows.add(row(releaseId, id, StoredComponent.ROLE_SUBJECT, bom.subject(), graph));
            }
            for (Component c : all) {
                rows.add(row(releaseId, id, StoredComponent.ROLE_COMPONENT, c, graph));
                if (rows.size() == BATCH) {
                    insert(rows);
                }
            }
            insert(rows);
            releases.setCurrentSbom(releaseId, id, now);
            return find(id).orElseThrow();
        });
    }

    private void insert(List<MapSqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                insert into release_components (release_id, sbom_id, role, bom_ref, type, group_name, name, version, purl,
                  package_ecosystem, package_name, cpes, component_key, via_ref, dependency_depth)
                values (:release, :sbom, :role, :ref, :type, :group, :name, :version, :purl, :eco, :pkg, :cpes, :key,
                  :via, :depth)""",
                rows.toArray(new MapSqlParameterSource[0]));
        rows.clear();
    }

    private static MapSqlParameterSource row(long releaseId, long sbomId, String role, Component c,
                                             DependencyGraph graph) {
        PackageKey key = ComponentKeys.packageKey(c);
        String version = ComponentKeys.version(c);
        String via = graph.predecessorOf(c);
        int depth = graph.depth(c);
        return new MapSqlParameterSource()
                .addValue("via", via == null || via.length() > 1000 ? null : via)
                .addValue("depth", depth < 0 ? null : depth, java.sql.Types.INTEGER)
                .addValue("release", releaseId)
                .addValue("sbom", sbomId)
                .addValue("role", role)
                .addValue("ref", truncate(c.bomRef(), 1000))
                .addValue("type", truncate(c.type(), 40))
                .addValue("group", truncate(c.group(), 500))
                .addValue("name", truncate(c.name(), 1000))
                .addValue("version", truncate(c.version(), 200))
                .addValue("purl", c.purlText())
                .addValue("eco", key.ecosystem())
                .addValue("pkg", truncate(key.name(), 1000))
                .addValue("cpes", c.cpes().isEmpty() ? null : json(c.cpes()))
                .addValue("key", ComponentKeys.componentKey(key, version));
    }

    public Optional<SbomDocument> find(long id) {
        return jdbc.sql("select " + DOC_COLUMNS + " from sbom_documents where id = :id").param("id", id)
                .query(SbomRepository::mapDocument).optional();
    }

    /** Every SBOM uploaded for the release, newest first. */
    public List<SbomDocument> history(long releaseId) {
        return jdbc.sql("select " + DOC_COLUMNS + " from sbom_documents where release_id = :release order by id desc")
                .param("release", releaseId).query(SbomRepository::mapDocument).list();
    }

    private static SbomDocument mapDocument(ResultSet rs, int n) throws SQLException {
        return new SbomDocument(rs.getLong(1), rs.getLong(2), Timestamps.parse(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                rs.getString(12), rs.getString(13), rs.getInt(14), strings(rs.getString(15)));
    }

    static StoredComponent mapComponent(ResultSet rs, int n) throws SQLException {
        return new StoredComponent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                strings(rs.getString(13)), rs.getString(14), rs.getString(15), rs.getObject(16) == null ? null
                : rs.getInt(16));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a list of strings: " + json, e);
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
