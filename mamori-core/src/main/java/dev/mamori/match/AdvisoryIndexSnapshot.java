package dev.mamori.match;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Affected;
import dev.mamori.advisory.AffectedProduct;
import dev.mamori.advisory.AffectedRange;
import dev.mamori.advisory.CpeConfiguration;
import dev.mamori.advisory.Credit;
import dev.mamori.advisory.KevListing;
import dev.mamori.advisory.ProductVersion;
import dev.mamori.advisory.Provenance;
import dev.mamori.advisory.Reference;
import dev.mamori.advisory.Severity;
import dev.mamori.advisory.SeverityLevel;
import dev.mamori.advisory.Ssvc;
import dev.mamori.input.InputException;
import dev.mamori.purl.PackageKey;
import dev.mamori.version.EventRange;
import dev.mamori.version.VersionScheme;
import dev.mamori.version.VersionSchemes;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * An {@link AdvisoryIndex} saved to a compact binary file and read back memory-mapped, so a scan can start without
 * reading and merging the advisories again: opening a snapshot reads its header only, and each package, advisory and
 * string is decoded the first time a lookup needs it (and kept).
 *
 * <p>Layout (big-endian; "varint" is an unsigned LEB128 int; string references are indexes into the string
 * table, written as {@code index + 1} with {@code 0} for null):
 * <pre>
 *   header    magic "MAMORIDX", format version, counts (advisories, vulnerabilities, packages, strings,
 *             vulnerability refs, affected statements, vendor:product keys, product keys), section offsets
 *   strings   int offsets[strings + 1], then UTF-8 bytes; the table holds every distinct string once
 *   vulns     int offsets[refs + 1], then per merged vulnerability: id, alias count, aliases
 *   affected  int offsets[affected + 1], then each affected-package statement (package key, OSV ecosystem,
 *             name, ranges with their events, versions, location, purl, severities, ecosystem/database specific)
 *   advisory  int offsets[advisories + 1], then each live advisory: its fields in record order (its affected
 *             statements as the index of the first and a count), then its merged vulnerabilities' indexes
 *   packages  per package key, sorted by ecosystem then name: ecosystem string, name string, first entry,
 *             entry count, boundary table offset or -1 (five ints); then the entries: advisory index, affected
 *             index (two ints each); then the boundary tables, computed under each ecosystem's version scheme
 *             when writing, so that reading sorts nothing: the distinct range boundaries in order, and per
 *             statement its ranges' events in sorted order with their slots (see BoundaryTable)
 *   cpe       twice (vendor:product, then product): per key, sorted: key string, first, count (three ints); then
 *             the advisory indexes
 * </pre>
 * Advisories keep their order, and each package its statements' order, so a snapshot answers exactly as the
 * in-memory index it was written from: same findings, same evidence, same order. Vulnerabilities are stored
 * merged, so {@code VulnerabilityMerger} does not run when reading.
 */
public final class AdvisoryIndexSnapshot {
    static final byte[] MAGIC = "MAMORIDX".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    private static final int HEADER_SIZE = 128;
    /** Bytes per package row: ecosystem, name, first entry, entry count, boundary table offset. */
    private static final int ROW = 20;

    private AdvisoryIndexSnapshot() {}

    // ============================================================================================== writing

    /**
     * Writes an index to a file (atomically: a temporary file beside it is moved into place).
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(AdvisoryIndex index, Path path) {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            if (index.source() instanceof Mapped mapped) {
                Files.copy(mapped.file, tmp, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    new Writer((AdvisoryIndex.Memory) index.source()).write(out);
                }
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            throw new UncheckedIOException("cannot write index snapshot " + path + ": " + e.getMessage(), e);
        }
    }

    /** Builds every section in memory (the file is written in one go, header first). */
    private static final class Writer {
        private final AdvisoryIndex.Memory memory;
        private final Map<String, Integer> stringIds = new HashMap<>();
        private final List<String> strings = new ArrayList<>();

        Writer(AdvisoryIndex.Memory memory) {
            this.memory = memory;
        }

        void write(OutputStream out) throws IOException {
            List<Advisory> live = memory.live();
            Map<Advisory, Integer> advisoryIds = new IdentityHashMap<>();
            for (int i = 0; i < live.size(); i++) {
                advisoryIds.put(live.get(i), i);
            }
            // merged vulnerabilities, each once
            Map<AdvisoryIndex.VulnRef, Integer> vulnIds = new HashMap<>();
            Blob vulns = new Blob();
            for (Advisory a : live) {
                for (AdvisoryIndex.VulnRef v : memory.vulnerabilitiesOf().get(a)) {
                    if (!vulnIds.containsKey(v)) {
                        vulnIds.put(v, vulns.count());
                        Buf b = vulns.next();
                        b.varint(str(v.id()));
                        strList(b, v.aliases());
                    }
                }
            }
            // affected statements, in advisory order; advisories refer to theirs by first index and count
            Map<Affected, Integer> affectedIds = new IdentityHashMap<>();
            Blob affected = new Blob();
            Blob advisories = new Blob();
            for (Advisory a : live) {
                int first = affected.count();
                for (Affected af : a.affected()) {
                    affectedIds.putIfAbsent(af, affected.count());
                    affected(affected.next(), af);
                }
                Buf b = advisories.next();
                List<AdvisoryIndex.VulnRef> refs = memory.vulnerabilitiesOf().get(a);
                b.varint(refs.size());
                for (AdvisoryIndex.VulnRef v : refs) {
                    b.varint(vulnIds.get(v));
                }
                advisory(b, a, first);
            }
            // packages, sorted
            List<Map.Entry<PackageKey, AdvisoryIndex.PackageGroup>> packages = new ArrayList<>(memory.byPackage().entrySet());
            packages.sort(Map.Entry.comparingByKey(KEY_ORDER));
            Buf packageRows = new Buf();
            Buf packageEntries = new Buf();
            Buf tables = new Buf();
            int entryCount = 0;
            for (Map.Entry<PackageKey, AdvisoryIndex.PackageGroup> p : packages) {
                List<AdvisoryIndex.PackageEntry> entries = p.getValue().entries();
                packageRows.int32(str(p.getKey().ecosystem()));
                packageRows.int32(str(p.getKey().name()));
                packageRows.int32(entryCount);
                packageRows.int32(entries.size());
                packageRows.int32(table(tables, p.getKey(), p.getValue()));
                for (AdvisoryIndex.PackageEntry e : entries) {
                    packageEntries.int32(advisoryIds.get(e.advisory()));
                    packageEntries.int32(affectedIds.get(e.affected()));
                }
                entryCount += entries.size();
            }
            packageEntries.append(tables);
            Buf cpe = new Buf();
            int vendorProducts = cpeTable(cpe, memory.byVendorProduct(), advisoryIds);
            int products = cpeTable(cpe, memory.byProduct(), advisoryIds);
            Blob stringBlob = new Blob();
            for (String s : strings) {
                stringBlob.next().bytes(s.getBytes(StandardCharsets.UTF_8));
            }

            long at = HEADER_SIZE;
            long stringsAt = at;
            at += stringBlob.size();
            long vulnsAt = at;
            at += vulns.size();
            long affectedAt = at;
            at += affected.size();
            long advisoriesAt = at;
            at += advisories.size();
            long packagesAt = at;
            at += packageRows.size() + packageEntries.size();
            long cpeAt = at;
            at += cpe.size();
            if (at > Integer.MAX_VALUE) {
                throw new IOException("index too large for one snapshot file (" + at + " bytes; the limit is 2 GiB)");
            }
            ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE);
            h.put(MAGIC).putInt(FORMAT_VERSION);
            h.putInt(live.size()).putInt(memory.vulnerabilityCount()).putInt(packages.size()).putInt(strings.size())
                    .putInt(vulns.count()).putInt(affected.count()).putInt(vendorProducts).putInt(products)
                    .putInt(entryCount);
            h.putLong(stringsAt).putLong(vulnsAt).putLong(affectedAt).putLong(advisoriesAt).putLong(packagesAt)
                    .putLong(cpeAt).putLong(at);
            out.write(h.array());
            stringBlob.writeTo(out);
            vulns.writeTo(out);
            affected.writeTo(out);
            advisories.writeTo(out);
            packageRows.writeTo(out);
            packageEntries.writeTo(out);
            cpe.writeTo(out);
        }

        /**
         * The package's boundary table under its ecosystem's scheme, so reading needs no version comparison to sort:
         * the distinct boundaries, then per statement 0 (evaluated directly) or 1 and per range its sorted events
         * (positions among the range's events) with their slots, and its limit slot. Returns the table's offset in
         * the tables area, or -1 when no statement takes part.
         */
        private int table(Buf out, PackageKey key, AdvisoryIndex.PackageGroup group) {
            VersionScheme scheme = VersionSchemes.forPurlType(key.ecosystem());
            BoundaryTable table = group.table(scheme);
            List<AdvisoryIndex.PackageEntry> entries = group.entries();
            boolean any = false;
            for (int i = 0; i < entries.size(); i++) {
                any |= table.covered(i);
            }
            if (!any) {
                return -1;
            }
            int at = out.size();
            String[] bounds = table.bounds();
            out.varint(bounds.length);
            for (String b : bounds) {
                out.varint(str(b));
            }
            for (int i = 0; i < entries.size(); i++) {
                if (!table.covered(i)) {
                    out.varint(0);
                    continue;
                }
                out.varint(1);
                int[][] order = entries.get(i).compiled(scheme).order();
                int[][] slots = table.eventSlots(i);
                int[] limits = table.limitFrom(i);
                out.varint(order.length);
                for (int r = 0; r < order.length; r++) {
                    out.varint(order[r].length);
                    for (int k = 0; k < order[r].length; k++) {
                        out.varint(order[r][k]);
                        out.varint(slots[r][k] + 1);
                    }
                    out.varint(limits[r]);
                }
            }
            return at;
        }

        private int cpeTable(Buf out, Map<String, List<AdvisoryIndex.CpeEntry>> map, Map<Advisory, Integer> advisoryIds) {
            List<String> keys = new ArrayList<>(map.keySet());
            keys.sort(Comparator.naturalOrder());
            Buf rows = new Buf();
            Buf lists = new Buf();
            int n = 0;
            for (String k : keys) {
                List<AdvisoryIndex.CpeEntry> entries = map.get(k);
                rows.int32(str(k));
                rows.int32(n);
                rows.int32(entries.size());
                for (AdvisoryIndex.CpeEntry e : entries) {
                    lists.int32(advisoryIds.get(e.advisory()));
                }
                n += entries.size();
            }
            out.append(rows);
            out.append(lists);
            return keys.size();
        }

        private int str(String s) {
            Integer id = stringIds.get(s);
            if (id == null) {
                id = strings.size();
                strings.add(s);
                stringIds.put(s, id);
            }
            return id;
        }

        /** A nullable string: index + 1, 0 for null. */
        private void optStr(Buf b, String s) {
            b.varint(s == null ? 0 : str(s) + 1);
        }

        private void strList(Buf b, List<String> list) {
            b.varint(list.size());
            for (String s : list) {
                b.varint(str(s));
            }
        }

        private void affected(Buf b, Affected a) {
            PackageKey key = a.packageKey();
            b.bool(key != null);
            if (key != null) {
                b.varint(str(key.ecosystem()));
                b.varint(str(key.name()));
            }
            optStr(b, a.osvEcosystem());
            optStr(b, a.packageName());
            b.varint(a.ranges().size());
            for (AffectedRange r : a.ranges()) {
                optStr(b, r.type());
                optStr(b, r.repo());
                b.varint(r.events().events().size());
                for (EventRange.Event e : r.events().events()) {
                    b.varint(e.kind().ordinal());
                    b.varint(str(e.version()));
                }
            }
            strList(b, a.versions());
            optStr(b, a.location());
            optStr(b, a.purl());
            severities(b, a.severities());
            optStr(b, a.ecosystemSpecific());
            optStr(b, a.databaseSpecific());
        }

        private void severities(Buf b, List<Severity> list) {
            b.varint(list.size());
            for (Severity s : list) {
                optStr(b, s.type());
                optStr(b, s.score());
                b.varint(s.level() == null ? 0 : s.level().ordinal() + 1);
                b.bool(s.baseScore() != null);
                if (s.baseScore() != null) {
                    b.int64(Double.doubleToRawLongBits(s.baseScore()));
                }
                optStr(b, s.source());
                optStr(b, s.sourceType());
            }
        }

        private void advisory(Buf b, Advisory a, int firstAffected) {
            b.varint(str(a.id()));
            strList(b, a.aliases());
            strList(b, a.related());
            strList(b, a.upstream());
            optStr(b, a.summary());
            optStr(b, a.details());
            optStr(b, a.language());
            b.varint(firstAffected);
            b.varint(a.affected().size());
            b.varint(a.products().size());
            for (AffectedProduct p : a.products()) {
                optStr(b, p.vendor());
                optStr(b, p.product());
                strList(b, p.cpes());
                strList(b, p.purls());
                optStr(b, p.status());
                b.varint(p.versions().size());
                for (ProductVersion v : p.versions()) {
                    optStr(b, v.version());
                    optStr(b, v.status());
                    optStr(b, v.lessThan());
                    optStr(b, v.lessThanOrEqual());
                    optStr(b, v.versionType());
                    b.varint(v.changes().size());
                    for (ProductVersion.Change c : v.changes()) {
                        optStr(b, c.at());
                        optStr(b, c.status());
                    }
                    optStr(b, v.description());
                }
                optStr(b, p.defaultStatus());
                optStr(b, p.statedBy());
                optStr(b, p.productId());
                optStr(b, p.location());
            }
            b.varint(a.configurations().size());
            for (CpeConfiguration c : a.configurations()) {
                optStr(b, c.operator());
                b.bool(c.negate());
                b.varint(c.nodes().size());
                for (CpeConfiguration.Node n : c.nodes()) {
                    optStr(b, n.operator());
                    b.bool(n.negate());
                    b.varint(n.matches().size());
                    for (CpeConfiguration.Match m : n.matches()) {
                        b.bool(m.vulnerable());
                        optStr(b, m.criteria());
                        optStr(b, m.matchCriteriaId());
                        optStr(b, m.versionStartIncluding());
                        optStr(b, m.versionStartExcluding());
                        optStr(b, m.versionEndIncluding());
                        optStr(b, m.versionEndExcluding());
                    }
                }
            }
            severities(b, a.severities());
            strList(b, a.cwes());
            b.varint(a.references().size());
            for (Reference r : a.references()) {
                optStr(b, r.url());
                optStr(b, r.type());
                strList(b, r.tags());
            }
            b.varint(a.credits().size());
            for (Credit c : a.credits()) {
                optStr(b, c.name());
                optStr(b, c.type());
                strList(b, c.contacts());
            }
            b.varint(a.ssvc().size());
            for (Ssvc s : a.ssvc()) {
                for (String f : new String[] {s.exploitation(), s.automatable(), s.technicalImpact(), s.role(),
                        s.version(), s.timestamp(), s.statedBy()}) {
                    optStr(b, f);
                }
            }
            b.varint(a.kev().size());
            for (KevListing k : a.kev()) {
                for (String f : new String[] {k.dateAdded(), k.dueDate(), k.requiredAction(), k.vulnerabilityName(),
                        k.reference(), k.statedBy()}) {
                    optStr(b, f);
                }
            }
            optStr(b, a.published());
            optStr(b, a.modified());
            optStr(b, a.withdrawn());
            optStr(b, a.tlp());
            optStr(b, a.databaseSpecific());
            Provenance p = a.provenance();
            optStr(b, p.source());
            optStr(b, p.origin());
            b.bool(p.fetchedAt() != null);
            if (p.fetchedAt() != null) {
                b.int64(p.fetchedAt().getEpochSecond());
                b.varint(p.fetchedAt().getNano());
            }
            optStr(b, p.upstreamModified());
        }
    }

    /** Package keys in file order: ecosystem, then name (String order, as the reader's binary search). */
    static final Comparator<PackageKey> KEY_ORDER = Comparator.comparing(PackageKey::ecosystem).thenComparing(PackageKey::name);

    /** A growable byte buffer with the encodings the format uses. */
    private static final class Buf {
        private byte[] data = new byte[256];
        private int size;

        private void ensure(int more) {
            if (size + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
            }
        }

        void byte1(int v) {
            ensure(1);
            data[size++] = (byte) v;
        }

        void bool(boolean v) {
            byte1(v ? 1 : 0);
        }

        void varint(int v) {
            ensure(5);
            while ((v & ~0x7F) != 0) {
                data[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            data[size++] = (byte) v;
        }

        void int32(int v) {
            ensure(4);
            data[size++] = (byte) (v >>> 24);
            data[size++] = (byte) (v >>> 16);
            data[size++] = (byte) (v >>> 8);
            data[size++] = (byte) v;
        }

        void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, data, size, b.length);
            size += b.length;
        }

        void append(Buf other) {
            ensure(other.size);
            System.arraycopy(other.data, 0, data, size, other.size);
            size += other.size;
        }

        int size() {
            return size;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(data, 0, size);
        }
    }

    /** Records of one section: an int offset table (count + 1 entries, relative to the data), then the data. */
    private static final class Blob {
        private final Buf data = new Buf();
        private final Buf offsets = new Buf();
        private int count;

        /** Starts the next record and returns the buffer to write it to. */
        Buf next() {
            offsets.int32(data.size());
            count++;
            return data;
        }

        int count() {
            return count;
        }

        long size() {
            return offsets.size() + 4L + data.size();
        }

        void writeTo(OutputStream out) throws IOException {
            offsets.writeTo(out);
            Buf end = new Buf();
            end.int32(data.size());
            end.writeTo(out);
            data.writeTo(out);
        }
    }

    // ============================================================================================== reading

    /**
     * Opens a snapshot: maps the file and checks its header; everything else is decoded on demand.
     *
     * @throws InputException when the file is missing, unreadable, not a snapshot, of another format version or
     *                        truncated
     */
    public static AdvisoryIndex read(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_SIZE) {
                throw new InputException(path.toString(), "", "not a Mamori index snapshot (" + size + " bytes)");
            }
            if (size > Integer.MAX_VALUE) {
                throw new InputException(path.toString(), "", "index snapshot larger than 2 GiB");
            }
            ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return new AdvisoryIndex(new Mapped(path, buf));
        } catch (IOException e) {
            throw new InputException(path.toString(), "", "cannot read index snapshot: " + e.getMessage(), e);
        }
    }

    /** The snapshot-backed source of an index. */
    static final class Mapped implements AdvisoryIndex.Source {
        final Path file;
        private final ByteBuffer buf;
        private final int advisoryCount;
        private final int vulnerabilityCount;
        private final int packageCount;
        private final int vendorProductCount;
        private final int productCount;
        private final Section strings;
        private final Section vulns;
        private final Section affected;
        private final Section advisories;
        private final int packageRows;
        private final int packageEntries;
        private final int tables;
        private final int vendorProductRows;
        private final int vendorProductLists;
        private final int productRows;
        private final int productLists;

        private final String[] stringCache;
        private final AtomicReferenceArray<AdvisoryIndex.VulnRef> vulnCache;
        private final AtomicReferenceArray<Affected> affectedCache;
        private final AtomicReferenceArray<Advisory> advisoryCache;
        private final AtomicReferenceArray<List<AdvisoryIndex.VulnRef>> advisoryVulnCache;
        private final AtomicReferenceArray<Object> cpeCache;
        private final AtomicReferenceArray<AdvisoryIndex.PackageGroup> groupCache;

        Mapped(Path file, ByteBuffer buf) {
            this.file = file;
            this.buf = buf;
            String where = file.toString();
            byte[] magic = new byte[MAGIC.length];
            buf.get(0, magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InputException(where, "", "not a Mamori index snapshot (no MAMORIDX header)");
            }
            int version = buf.getInt(8);
            if (version != FORMAT_VERSION) {
                throw new InputException(where, "", "index snapshot format " + version + "; this Mamori reads format "
                        + FORMAT_VERSION + " (write the snapshot again)");
            }
            advisoryCount = buf.getInt(12);
            vulnerabilityCount = buf.getInt(16);
            packageCount = buf.getInt(20);
            int stringCount = buf.getInt(24);
            int vulnRefCount = buf.getInt(28);
            int affectedCount = buf.getInt(32);
            vendorProductCount = buf.getInt(36);
            productCount = buf.getInt(40);
            int entryCount = buf.getInt(44);
            long[] at = new long[7];
            for (int i = 0; i < at.length; i++) {
                at[i] = buf.getLong(48 + 8 * i);
            }
            if (at[6] != buf.capacity()) {
                throw new InputException(where, "", "index snapshot truncated or damaged: " + buf.capacity()
                        + " bytes, the header says " + at[6]);
            }
            strings = new Section(buf, (int) at[0], stringCount);
            vulns = new Section(buf, (int) at[1], vulnRefCount);
            affected = new Section(buf, (int) at[2], affectedCount);
            advisories = new Section(buf, (int) at[3], advisoryCount);
            packageRows = (int) at[4];
            packageEntries = packageRows + ROW * packageCount;
            vendorProductRows = (int) at[5];
            vendorProductLists = vendorProductRows + 12 * vendorProductCount;
            productRows = vendorProductLists + 4 * listLength(buf, vendorProductRows, vendorProductCount);
            productLists = productRows + 12 * productCount;
            long end = productLists + 4L * listLength(buf, productRows, productCount);
            for (int i = 0; i < 6; i++) {
                if (at[i] < HEADER_SIZE || at[i] > at[i + 1]) {
                    throw new InputException(where, "", "index snapshot damaged: section " + i + " out of place");
                }
            }
            tables = packageEntries + 8 * entryCount;
            if (tables > vendorProductRows || end != at[6]) {
                throw new InputException(where, "", "index snapshot damaged: its tables do not fit the file");
            }
            stringCache = new String[stringCount];
            vulnCache = new AtomicReferenceArray<>(vulnRefCount);
            affectedCache = new AtomicReferenceArray<>(affectedCount);
            advisoryCache = new AtomicReferenceArray<>(advisoryCount);
            advisoryVulnCache = new AtomicReferenceArray<>(advisoryCount);
            cpeCache = new AtomicReferenceArray<>(advisoryCount);
            groupCache = new AtomicReferenceArray<>(packageCount);
        }

        /** The entries a CPE key table's lists hold in all: the last row's first + count. */
        private static int listLength(ByteBuffer buf, int rows, int count) {
            if (count == 0) {
                return 0;
            }
            int last = rows + 12 * (count - 1);
            return buf.getInt(last + 4) + buf.getInt(last + 8);
        }

        // ------------------------------------------------------------------ lookups

        @Override
        public AdvisoryIndex.PackageGroup lookup(PackageKey key) {
            int row = findPackage(key);
            if (row < 0) {
                return AdvisoryIndex.PackageGroup.EMPTY;
            }
            AdvisoryIndex.PackageGroup g = groupCache.get(row);
            if (g == null) {
                int base = packageRows + ROW * row;
                int first = buf.getInt(base + 8);
                int count = buf.getInt(base + 12);
                int table = buf.getInt(base + 16);
                List<AdvisoryIndex.PackageEntry> entries = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int e = packageEntries + 8 * (first + i);
                    int adv = buf.getInt(e);
                    int aff = buf.getInt(e + 4);
                    entries.add(new AdvisoryIndex.PackageEntry(() -> advisory(adv), affected(aff), vulnerabilities(adv)));
                }
                if (table < 0) {
                    g = new AdvisoryIndex.PackageGroup(entries);
                } else {
                    VersionScheme scheme = VersionSchemes.forPurlType(key.ecosystem());
                    g = new AdvisoryIndex.PackageGroup(entries, scheme, () -> table(tables + table, scheme, entries));
                }
                if (!groupCache.compareAndSet(row, null, g)) {
                    g = groupCache.get(row);
                }
            }
            return g;
        }

        @Override
        public boolean covers(PackageKey key) {
            return findPackage(key) >= 0;
        }

        /** Decodes a package's stored boundary table, presetting its statements' sorted ranges. */
        private BoundaryTable table(int at, VersionScheme scheme, List<AdvisoryIndex.PackageEntry> entries) {
            Cursor c = new Cursor(at);
            String[] bounds = new String[c.varint()];
            for (int b = 0; b < bounds.length; b++) {
                bounds[b] = c.str();
            }
            int n = entries.size();
            CompiledRanges[] compiled = new CompiledRanges[n];
            int[][][] slots = new int[n][][];
            int[][] limits = new int[n][];
            for (int i = 0; i < n; i++) {
                if (c.varint() == 0) {
                    continue;
                }
                int ranges = c.varint();
                int[][] order = new int[ranges][];
                slots[i] = new int[ranges][];
                limits[i] = new int[ranges];
                for (int r = 0; r < ranges; r++) {
                    int events = c.varint();
                    order[r] = new int[events];
                    slots[i][r] = new int[events];
                    for (int k = 0; k < events; k++) {
                        order[r][k] = c.varint();
                        slots[i][r][k] = c.varint() - 1;
                    }
                    limits[i][r] = c.varint();
                }
                compiled[i] = CompiledRanges.presorted(entries.get(i).affected(), scheme, order);
                entries.get(i).preset(compiled[i]);
            }
            return BoundaryTable.presorted(scheme, bounds, compiled, slots, limits);
        }

        private int findPackage(PackageKey key) {
            int lo = 0;
            int hi = packageCount - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int base = packageRows + ROW * mid;
                int c = string(buf.getInt(base)).compareTo(key.ecosystem());
                if (c == 0) {
                    c = string(buf.getInt(base + 4)).compareTo(key.name());
                }
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        @Override
        public List<AdvisoryIndex.CpeEntry> lookupCpe(String vendorProduct) {
            return cpeList(vendorProductRows, vendorProductLists, vendorProductCount, vendorProduct);
        }

        @Override
        public List<AdvisoryIndex.CpeEntry> lookupProduct(String product) {
            return cpeList(productRows, productLists, productCount, product);
        }

        private List<AdvisoryIndex.CpeEntry> cpeList(int rows, int lists, int count, String key) {
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int base = rows + 12 * mid;
                int c = string(buf.getInt(base)).compareTo(key);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    int first = buf.getInt(base + 4);
                    int n = buf.getInt(base + 8);
                    List<AdvisoryIndex.CpeEntry> out = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        out.add(cpeEntry(buf.getInt(lists + 4 * (first + i))));
                    }
                    return out;
                }
            }
            return List.of();
        }

        private AdvisoryIndex.CpeEntry cpeEntry(int adv) {
            Object e = cpeCache.get(adv);
            if (e == null) {
                e = AdvisoryIndex.cpeEntry(advisory(adv), vulnerabilities(adv));
                if (!cpeCache.compareAndSet(adv, null, e)) {
                    e = cpeCache.get(adv);
                }
            }
            return (AdvisoryIndex.CpeEntry) e;
        }

        @Override
        public int advisoryCount() {
            return advisoryCount;
        }

        @Override
        public int vulnerabilityCount() {
            return vulnerabilityCount;
        }

        @Override
        public int packageCount() {
            return packageCount;
        }

        // ------------------------------------------------------------------ decoding

        String string(int i) {
            String s = stringCache[i];
            if (s == null) {
                int from = strings.start(i);
                byte[] b = new byte[strings.start(i + 1) - from];
                buf.get(from, b);
                s = new String(b, StandardCharsets.UTF_8);
                stringCache[i] = s; // a racing decode stores an equal string: harmless
            }
            return s;
        }

        private <T> T cached(AtomicReferenceArray<T> cache, int i, Function<Integer, T> decode) {
            T v = cache.get(i);
            if (v == null) {
                v = decode.apply(i);
                if (!cache.compareAndSet(i, null, v)) {
                    v = cache.get(i);
                }
            }
            return v;
        }

        AdvisoryIndex.VulnRef vuln(int i) {
            return cached(vulnCache, i, k -> {
                Cursor c = new Cursor(vulns.start(k));
                return new AdvisoryIndex.VulnRef(c.str(), c.strList());
            });
        }

        List<AdvisoryIndex.VulnRef> vulnerabilities(int adv) {
            return cached(advisoryVulnCache, adv, k -> {
                Cursor c = new Cursor(advisories.start(k));
                int n = c.varint();
                List<AdvisoryIndex.VulnRef> out = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    out.add(vuln(c.varint()));
                }
                return List.copyOf(out);
            });
        }

        Affected affected(int i) {
            return cached(affectedCache, i, k -> new Cursor(affected.start(k)).affected());
        }

        Advisory advisory(int i) {
            return cached(advisoryCache, i, k -> new Cursor(advisories.start(k)).advisory());
        }

        /** A read position in the mapped file. */
        private final class Cursor {
            private int pos;

            Cursor(int pos) {
                this.pos = pos;
            }

            int varint() {
                int v = 0;
                int shift = 0;
                while (true) {
                    byte b = buf.get(pos++);
                    v |= (b & 0x7F) << shift;
                    if (b >= 0) {
                        return v;
                    }
                    shift += 7;
                }
            }

            boolean bool() {
                return buf.get(pos++) != 0;
            }

            long int64() {
                long v = buf.getLong(pos);
                pos += 8;
                return v;
            }

            String str() {
                return string(varint());
            }

            String optStr() {
                int i = varint();
                return i == 0 ? null : string(i - 1);
            }

            List<String> strList() {
                int n = varint();
                if (n == 0) {
                    return List.of();
                }
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = str();
                }
                return List.of(out);
            }

            Affected affected() {
                PackageKey key = bool() ? new PackageKey(str(), str()) : null;
                String ecosystem = optStr();
                String name = optStr();
                int nr = varint();
                List<AffectedRange> ranges = new ArrayList<>(nr);
                for (int i = 0; i < nr; i++) {
                    String type = optStr();
                    String repo = optStr();
                    int ne = varint();
                    List<EventRange.Event> events = new ArrayList<>(ne);
                    for (int j = 0; j < ne; j++) {
                        EventRange.Kind kind = EventRange.Kind.values()[varint()];
                        events.add(new EventRange.Event(kind, str()));
                    }
                    ranges.add(new AffectedRange(type, new EventRange(events), repo));
                }
                List<String> versions = strList();
                String location = optStr();
                String purl = optStr();
                List<Severity> severities = severities();
                return new Affected(key, ecosystem, name, ranges, versions, location, purl, severities, optStr(), optStr());
            }

            List<Severity> severities() {
                int n = varint();
                List<Severity> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String type = optStr();
                    String score = optStr();
                    int level = varint();
                    Double base = bool() ? Double.longBitsToDouble(int64()) : null;
                    out.add(new Severity(type, score, level == 0 ? null : SeverityLevel.values()[level - 1], base,
                            optStr(), optStr()));
                }
                return out;
            }

            Advisory advisory() {
                for (int n = varint(); n > 0; n--) {
                    varint(); // the merged vulnerabilities' indexes, read by vulnerabilities()
                }
                String id = str();
                List<String> aliases = strList();
                List<String> related = strList();
                List<String> upstream = strList();
                String summary = optStr();
                String details = optStr();
                String language = optStr();
                int firstAffected = varint();
                int na = varint();
                List<Affected> affectedList = new ArrayList<>(na);
                for (int i = 0; i < na; i++) {
                    affectedList.add(Mapped.this.affected(firstAffected + i));
                }
                int np = varint();
                List<AffectedProduct> products = new ArrayList<>(np);
                for (int i = 0; i < np; i++) {
                    String vendor = optStr();
                    String product = optStr();
                    List<String> cpes = strList();
                    List<String> purls = strList();
                    String status = optStr();
                    int nv = varint();
                    List<ProductVersion> versions = new ArrayList<>(nv);
                    for (int j = 0; j < nv; j++) {
                        String version = optStr();
                        String vstatus = optStr();
                        String lessThan = optStr();
                        String lessThanOrEqual = optStr();
                        String versionType = optStr();
                        int nc = varint();
                        List<ProductVersion.Change> changes = new ArrayList<>(nc);
                        for (int k = 0; k < nc; k++) {
                            changes.add(new ProductVersion.Change(optStr(), optStr()));
                        }
                        versions.add(new ProductVersion(version, vstatus, lessThan, lessThanOrEqual, versionType,
                                changes, optStr()));
                    }
                    products.add(new AffectedProduct(vendor, product, cpes, purls, status, versions, optStr(), optStr(),
                            optStr(), optStr()));
                }
                int nconf = varint();
                List<CpeConfiguration> configurations = new ArrayList<>(nconf);
                for (int i = 0; i < nconf; i++) {
                    String op = optStr();
                    boolean negate = bool();
                    int nn = varint();
                    List<CpeConfiguration.Node> nodes = new ArrayList<>(nn);
                    for (int j = 0; j < nn; j++) {
                        String nop = optStr();
                        boolean nneg = bool();
                        int nm = varint();
                        List<CpeConfiguration.Match> matches = new ArrayList<>(nm);
                        for (int k = 0; k < nm; k++) {
                            boolean vulnerable = bool();
                            matches.add(new CpeConfiguration.Match(vulnerable, optStr(), optStr(), optStr(), optStr(),
                                    optStr(), optStr()));
                        }
                        nodes.add(new CpeConfiguration.Node(nop, nneg, matches));
                    }
                    configurations.add(new CpeConfiguration(op, negate, nodes));
                }
                List<Severity> severities = severities();
                List<String> cwes = strList();
                int nr = varint();
                List<Reference> references = new ArrayList<>(nr);
                for (int i = 0; i < nr; i++) {
                    references.add(new Reference(optStr(), optStr(), strList()));
                }
                int ncr = varint();
                List<Credit> credits = new ArrayList<>(ncr);
                for (int i = 0; i < ncr; i++) {
                    credits.add(new Credit(optStr(), optStr(), strList()));
                }
                int ns = varint();
                List<Ssvc> ssvc = new ArrayList<>(ns);
                for (int i = 0; i < ns; i++) {
                    ssvc.add(new Ssvc(optStr(), optStr(), optStr(), optStr(), optStr(), optStr(), optStr()));
                }
                int nk = varint();
                List<KevListing> kev = new ArrayList<>(nk);
                for (int i = 0; i < nk; i++) {
                    kev.add(new KevListing(optStr(), optStr(), optStr(), optStr(), optStr(), optStr()));
                }
                String published = optStr();
                String modified = optStr();
                String withdrawn = optStr();
                String tlp = optStr();
                String databaseSpecific = optStr();
                String source = optStr();
                String origin = optStr();
                Instant fetchedAt = bool() ? Instant.ofEpochSecond(int64(), varint()) : null;
                Provenance provenance = new Provenance(source, origin, fetchedAt, optStr());
                return new Advisory(id, aliases, related, upstream, summary, details, language, affectedList, products,
                        configurations, severities, cwes, references, credits, ssvc, kev, published, modified,
                        withdrawn, tlp, databaseSpecific, provenance);
            }
        }
    }

    /** A section's offset table: record i spans [start(i), start(i + 1)). */
    private record Section(ByteBuffer buf, int at, int count) {
        int start(int i) {
            return at + 4 * (count + 1) + buf.getInt(at + 4 * i);
        }
    }

    /** For tests: the encoded size of an in-memory index. */
    static long encodedSize(AdvisoryIndex index) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new Writer((AdvisoryIndex.Memory) index.source()).write(out);
            return out.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
