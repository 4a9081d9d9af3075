package dev.mamori.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row counts and a content hash of the intelligence tables, to prove that a refused import or bundle changed nothing.
 */
record StoreSnapshot(Map<String, Long> rows, String sha256) {
    /** The tables holding intelligence data, with the order that makes their content comparable. */
    static final Map<String, String> DATA = new LinkedHashMap<>();
    static {
        DATA.put("advisory", "source, advisory_id");
        DATA.put("advisory_package", "ecosystem, name, source, advisory_id");
        DATA.put("advisory_cpe", "vendor, product, source, advisory_id");
        DATA.put("advisory_alias", "alias, source, advisory_id");
        DATA.put("kev_entry", "cve_id");
        DATA.put("epss_score", "cve_id");
        DATA.put("cwe_entry", "cwe_id");
    }

    /** Every intelligence table, the source status included. */
    static StoreSnapshot of(Database db) {
        Map<String, String> all = new LinkedHashMap<>(DATA);
        all.put("intel_source", "source");
        return of(db, all, List.of());
    }

    /** The data tables only, and without the columns that say when something was imported. */
    static StoreSnapshot data(Database db) {
        return of(db, DATA, List.of());
    }

    /** The data tables, leaving out the given columns (e.g. imported_at, origin, fetched_at). */
    static StoreSnapshot dataWithout(Database db, List<String> columns) {
        return of(db, DATA, columns);
    }

    private static StoreSnapshot of(Database db, Map<String, String> tables, List<String> skipColumns) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Map.Entry<String, String> t : tables.entrySet()) {
                long n = 0;
                try (ResultSet rs = s.executeQuery("select * from " + t.getKey() + " order by " + t.getValue())) {
                    ResultSetMetaData md2 = rs.getMetaData();
                    while (rs.next()) {
                        n++;
                        for (int i = 1; i <= md2.getColumnCount(); i++) {
                            if (skipColumns.contains(md2.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT))) {
                                continue;
                            }
                            Object v = rs.getObject(i);
                            md.update(String.valueOf(v instanceof Number num ? num.doubleValue() : v)
                                    .getBytes(StandardCharsets.UTF_8));
                            md.update((byte) 0);
                        }
                    }
                }
                rows.put(t.getKey(), n);
            }
            return new StoreSnapshot(rows, HexFormat.of().formatHex(md.digest()));
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
