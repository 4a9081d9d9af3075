package dev.mamori.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisoryCodec;
import dev.mamori.advisory.ArchiveLimits;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Offline bundles: one zip file with a consistent snapshot of every source in the store, for air-gapped sites.
 *
 * <p>Layout: {@code payload/NNNN.jsonl} files (JSON lines of {@link AdvisoryCodec} records, one source per file, a
 * source split over several files when large), {@code manifest.json} ({@link BundleManifest}: per source its counts
 * and status, per file its SHA-256), and {@code manifest.json.sig}, a detached Ed25519 signature of the manifest's
 * bytes (base64).
 *
 * <p>Import checks everything before it writes anything: the zip is complete, holds only expected entries, the
 * signature verifies with a trusted key (or the caller allowed an unsigned bundle), every payload file has the size
 * and SHA-256 the manifest gives and stays within {@link ArchiveLimits#DEFAULT}. Then it imports in one transaction,
 * hashing again as it reads; any difference rolls everything back.
 */
public final class Bundles {
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.json.sig";
    static final String PAYLOAD_DIR = "payload/";
    /** A payload file is closed after this many bytes, so no entry comes near the per-entry archive limit. */
    static final long PART_BYTES = 64L << 20;
    private static final long MAX_MANIFEST_BYTES = 16L << 20;
    private static final ArchiveLimits LIMITS = ArchiveLimits.DEFAULT;

    private Bundles() {}

    /** What an export wrote: records per source, and whether the bundle is signed (with which key). */
    public record Export(Path file, Map<String, Long> records, boolean signed) {
        public long total() {
            return records.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * What a bundle import did.
     *
     * @param verifiedBy the trusted key that verified the signature, or null when the bundle was imported without a
     *                   verified signature ({@code allowUnsigned})
     * @param signed     whether the bundle carries a signature at all
     * @param createdAt  when the bundle was made
     */
    public record Import(ImportResult result, BundleKeys.Trusted verifiedBy, boolean signed, Instant createdAt) {}

    // ---- export ---------------------------------------------------------------------------------------------------

    /**
     * Writes every source of the store to a bundle, read in one transaction (a consistent snapshot while imports go
     * on). The file appears complete or not at all (written beside it, then moved).
     *
     * @param signingKey an Ed25519 private key, or null for an unsigned bundle
     */
    public static Export export(AdvisoryStore store, Path file, PrivateKey signingKey, Instant now) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".mamori-bundle-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Connection c = store.database().dataSource().getConnection()) {
                c.setAutoCommit(false);
                if (store.database().kind() == DatabaseKind.POSTGRESQL) {
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                }
                try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                    List<BundleManifest.Source> sources = new ArrayList<>();
                    PartWriter parts = new PartWriter(zip);
                    for (SourceStatus s : statusRows(c)) {
                        BundleManifest.Source written = writeSource(c, s, parts);
                        if (written.records() > 0) {
                            sources.add(written);
                            counts.put(s.source(), written.records());
                        }
                    }
                    byte[] manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, now, sources).toJson();
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    zip.write(manifest);
                    zip.closeEntry();
                    if (signingKey != null) {
                        zip.putNextEntry(new ZipEntry(SIGNATURE));
                        zip.write((Base64.getEncoder().encodeToString(sign(signingKey, manifest)) + "\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        zip.closeEntry();
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
            move(tmp, file);
            return new Export(file, counts, signingKey != null);
        } catch (SQLException e) {
            throw new StoreException("reading the store for the bundle failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle " + file, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static void move(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<SourceStatus> statusRows(Connection c) throws SQLException {
        List<SourceStatus> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select source, kind, records, withdrawn, last_sync, newest_modified, feed_version, feed_date
                from intel_source order by source""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new SourceStatus(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        Timestamps.parseStored(rs.getString(5)), Timestamps.parseStored(rs.getString(6)),
                        rs.getString(7), rs.getString(8), null, null));
            }
        }
        return out;
    }

    private static BundleManifest.Source writeSource(Connection c, SourceStatus s, PartWriter parts)
            throws SQLException, IOException {
        String sql = switch (s.kind()) {
            case ImportSession.KEV -> "select content from kev_entry order by cve_id";
            case ImportSession.EPSS -> "select cve_id, epss, percentile from epss_score order by cve_id";
            case ImportSession.CWE -> "select content from cwe_entry order by cwe_id";
            default -> "select content, origin, fetched_at from advisory a where source = ? order by advisory_id";
        };
        parts.startSource();
        long records = 0;
        long withdrawn = 0;
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setFetchSize(500);
            if (s.kind().equals(ImportSession.ADVISORIES)) {
                q.setString(1, s.source());
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byte[] line = switch (s.kind()) {
                        case ImportSession.KEV, ImportSession.CWE -> rs.getString(1).getBytes(StandardCharsets.UTF_8);
                        case ImportSession.EPSS -> AdvisoryCodec.encode(AdvisoryStore.epss(rs));
                        default -> {
                            Advisory a = AdvisoryStore.advisory(rs);
                            if (a.withdrawn() != null) {
                                withdrawn++;
                            }
                            yield AdvisoryCodec.encode(a);
                        }
                    };
                    parts.line(line);
                    records++;
                }
            }
        }
        List<BundleManifest.Part> files = parts.endSource();
        return new BundleManifest.Source(s.source(), s.kind(), records, withdrawn, s.lastSync(), s.newestModified(),
                s.feedVersion(), s.feedDate(), files);
    }

    /** Writes JSON lines into numbered payload entries, hashing and counting each. */
    private static final class PartWriter {
        private final ZipOutputStream zip;
        private final List<BundleManifest.Part> done = new ArrayList<>();
        private int number;
        private MessageDigest digest;
        private long bytes;
        private long records;
        private String name;

        PartWriter(ZipOutputStream zip) {
            this.zip = zip;
        }

        void startSource() {
            done.clear();
        }

        void line(byte[] json) throws IOException {
            if (name == null) {
                name = String.format("%s%04d.jsonl", PAYLOAD_DIR, ++number);
                zip.putNextEntry(new ZipEntry(name));
                digest = sha256();
                bytes = 0;
                records = 0;
            }
            zip.write(json);
            zip.write('\n');
            digest.update(json);
            digest.update((byte) '\n');
            bytes += json.length + 1;
            records++;
            if (bytes >= PART_BYTES) {
                closePart();
            }
        }

        List<BundleManifest.Part> endSource() throws IOException {
            if (name != null) {
                closePart();
            }
            return List.copyOf(done);
        }

        private void closePart() throws IOException {
            zip.closeEntry();
            done.add(new BundleManifest.Part(name, records, bytes, HexFormat.of().formatHex(digest.digest())));
            name = null;
        }
    }

    private static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(BundleKeys.ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    // ---- import ---------------------------------------------------------------------------------------------------

    /**
     * Verifies a bundle completely, then imports it in one transaction. Nothing is written unless every check
     * passes.
     *
     * @param trusted       public keys that may have signed it
     * @param allowUnsigned import a bundle without a signature, or whose signature cannot be checked because no key
     *                      is trusted; a signature that does not verify with a trusted key is refused regardless
     * @throws InputException naming the bundle and the entry for a truncated, tampered, unsigned or wrongly signed
     *                        bundle
     */
    public static Import importBundle(AdvisoryStore store, Path file, List<BundleKeys.Trusted> trusted,
                                      boolean allowUnsigned, Instant now) {
        String where = file.toString();
        try (ZipFile zip = open(file)) {
            Map<String, ZipEntry> entries = entries(zip, where);
            ZipEntry manifestEntry = entries.get(MANIFEST);
            if (manifestEntry == null) {
                throw new InputException(where, "", "not a Mamori bundle: it has no " + MANIFEST);
            }
            byte[] manifestBytes = readSmall(zip, manifestEntry, where, MAX_MANIFEST_BYTES);
            ZipEntry sigEntry = entries.get(SIGNATURE);
            BundleKeys.Trusted verifiedBy = verify(where, manifestBytes,
                    sigEntry == null ? null : readSmall(zip, sigEntry, where, 4096), trusted, allowUnsigned);
            BundleManifest manifest = BundleManifest.parse(manifestBytes, where + "!" + MANIFEST);
            checkListed(manifest, entries, where);
            long[] total = {0};
            for (BundleManifest.Source s : manifest.sources()) {
                for (BundleManifest.Part p : s.files()) {
                    try (InputStream in = new Checked(zip, entries.get(p.name()), where, p, total)) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
            ImportResult result = store.inWriteTransaction(now, session -> {
                long[] read = {0};
                for (BundleManifest.Source s : manifest.sources()) {
                    session.sourceFacts(s.source(), s.kind(), s.lastSync(), s.newestModified(), s.feedVersion(),
                            s.feedDate());
                    long records = 0;
                    for (BundleManifest.Part p : s.files()) {
                        try (InputStream in = new Checked(zip, entries.get(p.name()), where, p, read)) {
                            records += readPart(in, where + "!" + p.name(), s, p, session);
                        } catch (IOException e) {
                            throw new InputException(where + "!" + p.name(), "", "cannot read: " + e.getMessage(), e);
                        }
                    }
                    if (records != s.records()) {
                        throw new InputException(where, MANIFEST, "source " + s.source() + " has " + records
                                + " records, the manifest says " + s.records());
                    }
                }
            });
            return new Import(result, verifiedBy, sigEntry != null, manifest.createdAt());
        } catch (IOException e) {
            throw new InputException(where, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), "", "no such file");
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InputException(file.toString(), "", "not a complete zip archive (truncated or corrupt): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** The entries by name; refuses too many, duplicates, directories and names outside the layout. */
    private static Map<String, ZipEntry> entries(ZipFile zip, String where) {
        if (zip.size() > LIMITS.maxEntries()) {
            throw new InputException(where, "", "bundle has " + zip.size() + " entries, more than the limit of "
                    + LIMITS.maxEntries());
        }
        Map<String, ZipEntry> out = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> e = zip.entries();
        while (e.hasMoreElements()) {
            ZipEntry entry = e.nextElement();
            String name = entry.getName();
            boolean expected = name.equals(MANIFEST) || name.equals(SIGNATURE)
                    || name.startsWith(PAYLOAD_DIR) && name.endsWith(".jsonl") && !name.contains("..")
                    && name.indexOf('/', PAYLOAD_DIR.length()) < 0 && !name.contains("\\");
            if (!expected || entry.isDirectory()) {
                throw new InputException(where, name, "unexpected entry: a bundle holds only " + MANIFEST + ", "
                        + SIGNATURE + " and " + PAYLOAD_DIR + "*.jsonl");
            }
            if (out.put(name, entry) != null) {
                throw new InputException(where, name, "the entry is in the archive twice");
            }
        }
        return out;
    }

    private static byte[] readSmall(ZipFile zip, ZipEntry entry, String where, long max) {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new InputException(where, entry.getName(), "larger than " + max + " bytes");
            }
            return bytes;
        } catch (ZipException e) {
            throw new InputException(where, entry.getName(), "corrupt archive entry: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(where, entry.getName(), "cannot read: " + e.getMessage(), e);
        }
    }

    private static BundleKeys.Trusted verify(String where, byte[] manifest, byte[] signatureFile,
                                             List<BundleKeys.Trusted> trusted, boolean allowUnsigned) {
        if (signatureFile == null) {
            if (allowUnsigned) {
                return null;
            }
            throw new InputException(where, SIGNATURE, "the bundle is not signed; import it only if you trust where "
                    + "it came from, with --allow-unsigned");
        }
        if (trusted.isEmpty()) {
            if (allowUnsigned) {
                return null;
            }
            throw new InputException(where, SIGNATURE, "no trusted key to check the signature with: give the "
                    + "publisher's public key with --trusted-key FILE or put it in DATA_DIR/trusted-keys/");
        }
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(new String(signatureFile, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new InputException(where, SIGNATURE, "not a base64 signature", e);
        }
        for (BundleKeys.Trusted t : trusted) {
            try {
                Signature s = Signature.getInstance(BundleKeys.ALGORITHM);
                s.initVerify(t.key());
                s.update(manifest);
                if (s.verify(signature)) {
                    return t;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature verifies with no key
            }
        }
        throw new InputException(where, SIGNATURE, "the signature does not verify with any trusted key ("
                + String.join(", ", trusted.stream().map(t -> t.fingerprint()).toList())
                + "): the manifest was changed, or another key signed it");
    }

    /** Every payload file the manifest lists is in the archive, once, and the archive holds no other. */
    private static void checkListed(BundleManifest manifest, Map<String, ZipEntry> entries, String where) {
        Set<String> listed = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (BundleManifest.Source s : manifest.sources()) {
            if (!sources.add(s.source())) {
                throw new InputException(where, MANIFEST, "source " + s.source() + " is listed twice");
            }
            long records = 0;
            for (BundleManifest.Part p : s.files()) {
                if (!listed.add(p.name())) {
                    throw new InputException(where, MANIFEST, p.name() + " is listed twice");
                }
                if (!entries.containsKey(p.name())) {
                    throw new InputException(where, p.name(), "missing: the manifest lists it but the archive does "
                            + "not hold it (truncated or tampered bundle)");
                }
                records += p.records();
            }
            if (records != s.records()) {
                throw new InputException(where, MANIFEST, "source " + s.source() + ": its files hold " + records
                        + " records, the source says " + s.records());
            }
        }
        for (String name : entries.keySet()) {
            if (name.startsWith(PAYLOAD_DIR) && !listed.contains(name)) {
                throw new InputException(where, name, "not listed in the manifest (tampered bundle)");
            }
        }
    }

    /** Reads one payload file's JSON lines into the import; returns the records read. */
    private static long readPart(InputStream in, String where, BundleManifest.Source s, BundleManifest.Part p,
                                 ImportSession session) throws IOException {
        long records = 0;
        try (JsonParser parser = JsonInput.parser(in)) {
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new InputException(where, "line " + parser.currentTokenLocation().getLineNr(),
                            "expected one JSON object per line");
                }
                String at = where + ": line " + parser.currentTokenLocation().getLineNr();
                switch (s.kind()) {
                    case ImportSession.KEV -> session.kev(AdvisoryCodec.readKev(parser, at));
                    case ImportSession.EPSS -> session.epss(AdvisoryCodec.readEpss(parser, at));
                    case ImportSession.CWE -> session.cwe(AdvisoryCodec.readCwe(parser, at));
                    default -> {
                        Advisory a = AdvisoryCodec.readAdvisory(parser, at, null, null);
                        if (!s.source().equals(a.provenance().source())) {
                            throw new InputException(where, "line " + parser.currentTokenLocation().getLineNr(),
                                    "a record of source " + a.provenance().source() + " among those of " + s.source());
                        }
                        session.advisory(a);
                    }
                }
                records++;
            }
        } catch (JsonProcessingException e) {
            throw JsonInput.error(where, e);
        }
        if (records != p.records()) {
            throw new InputException(where, "", "holds " + records + " records, the manifest says " + p.records());
        }
        return records;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A payload entry as it is read: counts its bytes against the manifest's size and the archive limits (zip bombs),
     * hashes them, and at the end compares the hash with the manifest's.
     */
    private static final class Checked extends FilterInputStream {
        private final String where;
        private final BundleManifest.Part part;
        private final long compressed;
        private final long[] total;
        private final MessageDigest digest = sha256();
        private long count;
        private boolean checked;

        Checked(ZipFile zip, ZipEntry entry, String bundle, BundleManifest.Part part, long[] total) throws IOException {
            super(zip.getInputStream(entry));
            this.where = bundle + "!" + part.name();
            this.part = part;
            this.compressed = entry.getCompressedSize();
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(buf, off, len);
            } catch (ZipException | java.io.EOFException e) {
                throw new InputException(where, "", "corrupt archive entry (truncated or tampered): " + e.getMessage(), e);
            }
            if (n > 0) {
                digest.update(buf, off, n);
                count += n;
                total[0] += n;
                if (count > part.bytes()) {
                    throw new InputException(where, "", "longer than the " + part.bytes() + " bytes the manifest "
                            + "gives (tampered bundle or zip bomb)");
                }
                if (count > LIMITS.maxEntryBytes() || total[0] > LIMITS.maxTotalBytes()) {
                    throw new InputException(where, "", "the bundle decompresses to more than the archive limits "
                            + "allow (zip bomb?)");
                }
                if (count > ArchiveLimits.RATIO_THRESHOLD && compressed > 0 && count / compressed > LIMITS.maxRatio()) {
                    throw new InputException(where, "", "compression ratio exceeds " + LIMITS.maxRatio()
                            + ":1 (zip bomb?)");
                }
            } else if (n < 0) {
                check();
            }
            return n;
        }

        private void check() {
            if (checked) {
                return;
            }
            checked = true;
            if (count != part.bytes()) {
                throw new InputException(where, "", "has " + count + " bytes, the manifest says " + part.bytes()
                        + " (truncated or tampered bundle)");
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (!sha.equals(part.sha256())) {
                throw new InputException(where, "", "SHA-256 differs from the manifest (tampered or corrupt bundle)");
            }
        }
    }
}
