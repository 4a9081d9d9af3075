package dev.mamori.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.mamori.store.DatabaseKind;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class DbCommandTest {
    static final Path INTEL = Path.of("../mamori-core/src/test/resources/intel");
    static final String GO = INTEL.resolve("osv/osv-go-20.jsonl.gz").toString();
    static final String PYPI = INTEL.resolve("osv/osv-pypi-20.jsonl.gz").toString();
    static final String KEV = INTEL.resolve("kev/kev-subset.json").toString();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    @AfterEach
    void restoreEnvironment() {
        DatabaseOptions.environment = System.getenv();
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MamoriCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private String data() {
        return tmp.resolve("mamori-data").toString();
    }

    private JsonNode status(String... storeOptions) throws IOException {
        List<String> args = new ArrayList<>(List.of("db", "status", "--format", "json"));
        args.addAll(List.of(storeOptions));
        Run r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static long records(JsonNode status, String source) {
        for (JsonNode s : status.path("sources")) {
            if (s.path("source").asText().equals(source)) {
                return s.path("records").asLong();
            }
        }
        return -1;
    }

    @Test
    void import_files_printsCountsPerSourceAndStatusShowsThem() throws IOException {
        Run r = run("db", "import", GO, PYPI, KEV, "--data-dir", data());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("SOURCE", "ADDED", "UPDATED", "UNCHANGED", "WITHDRAWN")
                .containsPattern("osv/GO\\s+20\\s+0\\s+0\\s+\\d+")
                .containsPattern("kev\\s+25\\s+0\\s+0\\s+0")
                .contains("65 records read in");
        assertThat(Files.isRegularFile(tmp.resolve("mamori-data/mamori.db"))).isTrue();

        Run table = run("db", "status", "--data-dir", data());
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("Store: sqlite", "SOURCE", "RECORDS", "LAST SYNC", "NEWEST MODIFIED", "LAST ERROR",
                "osv/GO", "osv/PYSEC", "kev", "2025.08.25", "65 records in 3 sources.");

        JsonNode json = status("--data-dir", data());
        assertThat(json.path("database").asText()).isEqualTo("sqlite");
        assertThat(records(json, "osv/GO")).isEqualTo(20);
        assertThat(records(json, "kev")).isEqualTo(25);
        JsonNode go = json.path("sources").get(1);
        assertThat(go.path("lastSync").asText()).endsWith("Z");
        // Go's vulndb repository writes modified: 0001-01-01T00:00:00Z (its site fills it in on publication)
        assertThat(go.path("newestModified").asText()).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
        assertThat(go.path("lastError").isNull()).isTrue();
    }

    @Test
    void import_sameFilesAgain_reportsEverythingUnchanged() {
        assertThat(run("db", "import", GO, KEV, "--data-dir", data()).code()).isZero();
        Run again = run("db", "import", GO, KEV, "--data-dir", data());
        assertThat(again.code()).isZero();
        assertThat(again.out()).containsPattern("osv/GO\\s+0\\s+0\\s+20\\s+0").contains("0 added, 0 updated, 45 unchanged");
    }

    @Test
    void import_malformedFile_exits2WithOneLineAndChangesNothing() throws IOException {
        assertThat(run("db", "import", GO, "--data-dir", data()).code()).isZero();
        JsonNode before = status("--data-dir", data());
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\":\"GHSA-1\",\"modified\":\"2024-01-01T00:00:00Z\"}\n{\"id\": \"GHSA-2\",\n");

        Run r = run("db", "import", PYPI, KEV, bad.toString(), "--data-dir", data());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("mamori: " + bad + ": line 2");
        assertThat(status("--data-dir", data())).isEqualTo(before);
    }

    @Test
    void import_truncatedOsvArchive_exits2AndChangesNothing() throws IOException {
        assertThat(run("db", "import", GO, "--data-dir", data()).code()).isZero();
        JsonNode before = status("--data-dir", data());
        byte[] zip = Files.readAllBytes(INTEL.resolve("osv/all-ecosystems.zip"));
        Path cut = tmp.resolve("all.zip");
        Files.write(cut, Arrays.copyOf(zip, zip.length / 2));

        Run r = run("db", "import", PYPI, cut.toString(), "--data-dir", data());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("mamori: " + cut + ": ").contains("truncated");
        assertThat(status("--data-dir", data())).isEqualTo(before);
    }

    @Test
    void import_usageErrors_exit2() {
        assertThat(run("db", "import", "--data-dir", data()).err()).contains("give either PATHs to import or --bundle FILE");
        assertThat(run("db", "import", GO, "--bundle", "x.zip", "--data-dir", data()).code()).isEqualTo(2);
        assertThat(run("db", "import", GO, "--allow-unsigned", "--data-dir", data()).err())
                .contains("--trusted-key and --allow-unsigned go with --bundle");
        Run missing = run("db", "import", tmp.resolve("nope.json").toString(), "--data-dir", data());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json");
    }

    @Test
    void bundle_keygenExportImport_sameStoreElsewhereAndTamperingRefused() throws IOException {
        Path keys = tmp.resolve("keys");
        Run keygen = run("db", "keygen", "--out", keys.toString());
        assertThat(keygen.code()).as(keygen.err()).isZero();
        assertThat(keygen.out()).contains("mamori-bundle.key", "mamori-bundle.pub", "SHA256:");
        assertThat(run("db", "keygen", "--out", keys.toString()).code()).isEqualTo(2);

        assertThat(run("db", "import", GO, PYPI, KEV, "--data-dir", data()).code()).isZero();
        Path bundle = tmp.resolve("intel.zip");
        Run export = run("db", "export", "--bundle", bundle.toString(), "--signing-key",
                keys.resolve("mamori-bundle.key").toString(), "--data-dir", data());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("65 records of 3 sources", "signed with");

        // the other site trusts the key through its data directory
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("trusted-keys"));
        Files.copy(keys.resolve("mamori-bundle.pub"), site.resolve("trusted-keys/vendor.pub"));
        Run imported = run("db", "import", "--bundle", bundle.toString(), "--data-dir", site.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("signature verified with SHA256:", "vendor.pub");
        JsonNode here = status("--data-dir", data());
        JsonNode there = status("--data-dir", site.toString());
        assertThat(there).isEqualTo(here);

        // a bundle cut short, and one signed by someone else, are refused; the site's store stays as it was
        byte[] bytes = Files.readAllBytes(bundle);
        Path cut = tmp.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));
        Run truncated = run("db", "import", "--bundle", cut.toString(), "--data-dir", site.toString());
        assertThat(truncated.code()).isEqualTo(2);
        assertThat(truncated.err().lines().toList()).singleElement().asString()
                .startsWith("mamori: " + cut + ": not a complete zip archive");
        Path otherKeys = tmp.resolve("other");
        run("db", "keygen", "--out", otherKeys.toString());
        Run wrongKey = run("db", "import", "--bundle", bundle.toString(), "--trusted-key",
                otherKeys.resolve("mamori-bundle.pub").toString(), "--data-dir", tmp.resolve("third").toString());
        assertThat(wrongKey.code()).isEqualTo(2);
        assertThat(wrongKey.err()).contains("manifest.json.sig: the signature does not verify with any trusted key");
        assertThat(status("--data-dir", site.toString())).isEqualTo(there);
        assertThat(status("--data-dir", tmp.resolve("third").toString()).path("sources")).isEmpty();
    }

    @Test
    void bundle_unsigned_refusedUnlessAllowedAndThenSaidLoudly() {
        assertThat(run("db", "import", KEV, "--data-dir", data()).code()).isZero();
        Path bundle = tmp.resolve("unsigned.zip");
        Run export = run("db", "export", "--bundle", bundle.toString(), "--data-dir", data());
        assertThat(export.code()).isZero();
        assertThat(export.err()).contains("WARNING: the bundle is NOT SIGNED");

        Path site = tmp.resolve("site");
        Run refused = run("db", "import", "--bundle", bundle.toString(), "--data-dir", site.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("the bundle is not signed", "--allow-unsigned");

        Run allowed = run("db", "import", "--bundle", bundle.toString(), "--allow-unsigned", "--data-dir", site.toString());
        assertThat(allowed.code()).isZero();
        assertThat(allowed.err()).contains("WARNING", "NOT SIGNED", "--allow-unsigned");
        assertThat(allowed.out()).contains("NOT VERIFIED").containsPattern("kev\\s+25");
    }

    @Test
    void scan_db_findsWhatTheFilesFind() {
        assertThat(run("db", "import", ScanCommandTest.ADVISORIES, "--data-dir", data()).code()).isZero();
        Run fromFiles = run("scan", ScanCommandTest.BOM, "--advisories", ScanCommandTest.ADVISORIES);
        Run fromStore = run("scan", ScanCommandTest.BOM, "--db", "--data-dir", data());
        assertThat(fromStore.code()).as(fromStore.err()).isEqualTo(1);
        assertThat(fromStore.out().lines().filter(l -> l.contains("GO-")).toList())
                .isEqualTo(fromFiles.out().lines().filter(l -> l.contains("GO-")).toList())
                .hasSize(9);
        assertThat(fromStore.out()).contains("9 findings in 5 of 27 components (13 advisories checked)");
    }

    /** With --db, KEV and EPSS come from the store too: the same assessment as with the files. */
    @Test
    void scan_db_takesKevAndEpssFromTheStore() {
        String rapidReset = ScanCommandOutputsTest.RAPID_RESET;
        String epss = ScanCommandOutputsTest.EPSS;
        assertThat(run("db", "import", ScanCommandTest.ADVISORIES, rapidReset, KEV, epss, "--data-dir", data()).code())
                .isZero();
        Run fromFiles = run("scan", ScanCommandTest.BOM, "--advisories", ScanCommandTest.ADVISORIES, rapidReset,
                "--kev", KEV, "--epss", epss, "--fail-on", "none");
        Run fromStore = run("scan", ScanCommandTest.BOM, "--db", "--data-dir", data(), "--fail-on", "none");
        assertThat(fromStore.code()).as(fromStore.err()).isZero();
        assertThat(fromStore.out()).contains("1. CVE-2023-44487  Attend — in KEV since 2023-10-10");
        assertThat(fromStore.out().lines().filter(l -> !l.contains("advisories checked")).toList())
                .isEqualTo(fromFiles.out().lines().filter(l -> !l.contains("advisories checked")).toList());
        assertThat(run("scan", ScanCommandTest.BOM, "--db", "--data-dir", data(), "--fail-on", "kev").code()).isEqualTo(1);
        assertThat(run("scan", ScanCommandTest.BOM, "--db", "--data-dir", data(), "--fail-on", "epss>=0.01").code())
                .isEqualTo(run("scan", ScanCommandTest.BOM, "--advisories", ScanCommandTest.ADVISORIES, rapidReset,
                        "--epss", epss, "--fail-on", "epss>=0.01").code());
    }

    /**
     * With --db and no --cwe, the weakness class comes from the CWE catalogue in the store, on SQLite and PostgreSQL:
     * for every finding of WebGoat 8.2.0 (real SBOM, real GitHub advisories, MITRE CWE 4.15), the class and its
     * explanation that 'scan --cwe FILE' gives.
     */
    @Test
    void status_warnsAboutCweRowsOfAnOlderMamori_untilTheCatalogueIsImportedAgain() throws Exception {
        String cwe = Path.of("../mamori-core/src/test/resources/cwe/cwec_v4.15-subset.xml.gz").toString();
        assertThat(run("db", "import", cwe, "--data-dir", data()).code()).isZero();
        assertThat(status("--data-dir", data()).path("warnings")).isEmpty();
        // what an older Mamori left: no modes of introduction kept, another content hash
        try (dev.mamori.store.Database db = dev.mamori.store.Database.open(
                dev.mamori.store.DatabaseSettings.sqlite(tmp.resolve("mamori-data")))) {
            db.jdbc().sql("update cwe_entry set introductions = null, content_sha256 = :old where cwe_id = 'CWE-79'")
                    .param("old", "0".repeat(64)).update();
            db.jdbc().sql("delete from cwe_introduction where cwe_id = 'CWE-79'").update();
        }

        Run table = run("db", "status", "--data-dir", data());
        assertThat(table.out()).contains("warning: store: 1 CWE weakness(es) were imported by an older Mamori",
                "import the CWE catalogue again");
        assertThat(status("--data-dir", data()).path("warnings")).singleElement().asString().contains("1 CWE weakness(es)");

        assertThat(run("db", "import", cwe, "--data-dir", data()).code()).isZero();
        assertThat(status("--data-dir", data()).path("warnings")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void scan_db_takesTheCweCatalogueFromTheStore(DatabaseKind kind) throws Exception {
        Path core = Path.of("../mamori-core/src/test/resources");
        Path sbom = tmp.resolve("webgoat-8.2.0.cdx.json");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(core.resolve("sbom/webgoat/mvn-webgoat-8.2.0.cdx16.json.gz")))) {
            Files.write(sbom, in.readAllBytes());
        }
        Path advisories = tmp.resolve("advisories");
        Files.createDirectories(advisories);
        for (String id : List.of("GHSA-36p3-wjmg-h94x", "GHSA-f554-x222-wgf7")) {
            Files.copy(core.resolve("advisories/ghsa-webgoat/" + id + ".json"), advisories.resolve(id + ".json"));
        }
        String cwe = core.resolve("cwe/cwec_v4.15-subset.xml.gz").toString();
        EmbeddedPostgres pg = kind == DatabaseKind.POSTGRESQL ? EmbeddedPostgres.builder().start() : null;
        try {
            List<String> store = new ArrayList<>(List.of("--data-dir", data()));
            if (pg != null) {
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                    st.execute("create database mamori_cwe");
                }
                store = List.of("--database-url", pg.getJdbcUrl("postgres", "mamori_cwe"), "--database-user", "postgres");
            }
            List<String> importArgs = new ArrayList<>(List.of("db", "import", advisories.toString()));
            importArgs.addAll(store);
            assertThat(run(importArgs.toArray(String[]::new)).code()).isZero();
            List<String> scanDb = new ArrayList<>(List.of("scan", sbom.toString(), "--db", "--format", "json", "--fail-on", "none"));
            scanDb.addAll(store);
            Map<String, String> noCatalogue = weaknesses(run(scanDb.toArray(String[]::new)));
            assertThat(noCatalogue).isNotEmpty().allSatisfy((f, w) -> assertThat(w).startsWith("unknown"));

            importArgs = new ArrayList<>(List.of("db", "import", cwe));
            importArgs.addAll(store);
            Run imported = run(importArgs.toArray(String[]::new));
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(imported.out()).containsPattern("cwe\\s+70");
            Map<String, String> fromStore = weaknesses(run(scanDb.toArray(String[]::new)));
            Map<String, String> fromFile = weaknesses(run("scan", sbom.toString(), "--advisories", advisories.toString(), "--cwe", cwe,
                    "--format", "json", "--fail-on", "none"));
            assertThat(fromStore).isEqualTo(fromFile).hasSize(noCatalogue.size());
            assertThat(fromStore.values()).noneMatch(w -> w.startsWith("unknown"));
            assertThat(fromStore).anySatisfy((f, w) -> assertThat(f).startsWith("CVE-2022-22965 pkg:maven/org.springframework/spring-beans@5.3.4"))
                    .containsValue("code: code: CWE-74, phase Implementation (2 of 2 classified modes of introduction)");
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** Per finding (vulnerability and purl), the weakness class and its explanation. */
    private static Map<String, String> weaknesses(Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, String> out = new java.util.TreeMap<>();
        for (JsonNode f : new ObjectMapper().readTree(r.out()).path("reports").get(0).path("findings")) {
            JsonNode w = f.findValue("weakness");
            out.put(f.path("vulnerability").path("id").asText() + " " + f.path("component").path("purl").asText(),
                    w.path("class").asText() + ": " + w.path("explanation").asText());
        }
        return out;
    }

    @Test
    void scan_advisoriesAndDbTogetherOrNeither_exit2() {
        assertThat(run("scan", ScanCommandTest.BOM, "--db", "--advisories", ScanCommandTest.ADVISORIES).code()).isEqualTo(2);
        Run neither = run("scan", ScanCommandTest.BOM);
        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err()).contains("--advisories", "--db");
        Run empty = run("scan", ScanCommandTest.BOM, "--db", "--data-dir", data());
        assertThat(empty.code()).isZero();
        assertThat(empty.err()).contains("the store holds no package advisories");
    }

    @Test
    void serveAndDb_shareTheDatabaseOptions() {
        for (String[] cmd : List.of(new String[] {"serve", "--help"}, new String[] {"db", "import", "--help"},
                new String[] {"db", "status", "--help"}, new String[] {"db", "export", "--help"},
                new String[] {"scan", "--help"})) {
            Run r = run(cmd);
            assertThat(r.code()).isZero();
            assertThat(r.out()).as(String.join(" ", cmd)).contains("--data-dir", "--database-url", "--database-user",
                    "--database-password");
        }
        assertThat(run("db", "--help").out()).contains("import", "status", "export", "keygen");
    }

    /** The same commands on PostgreSQL, chosen by MAMORI_DATABASE_URL or by --database-url. */
    @Test
    void postgres_importStatusAndScanThroughTheDatabaseOptions() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database mamori_cli");
            }
            String url = pg.getJdbcUrl("postgres", "mamori_cli");
            Map<String, String> env = new HashMap<>();
            env.put("MAMORI_DATABASE_URL", url);
            env.put("MAMORI_DATABASE_USER", "postgres");
            DatabaseOptions.environment = env;
            Run r = run("db", "import", ScanCommandTest.ADVISORIES, KEV);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).containsPattern("kev\\s+25");
            assertThat(Files.exists(Path.of("mamori-data", "mamori.db"))).isFalse();

            DatabaseOptions.environment = Map.of();
            JsonNode json = status("--database-url", url, "--database-user", "postgres");
            assertThat(json.path("database").asText()).isEqualTo("postgresql");
            assertThat(records(json, "kev")).isEqualTo(25);
            Run scan = run("scan", ScanCommandTest.BOM, "--db", "--database-url", url, "--database-user", "postgres");
            assertThat(scan.out()).contains("9 findings in 5 of 27 components");
        }
    }
}
