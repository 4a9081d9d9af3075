package dev.mamori.advisory;

import dev.mamori.input.InputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the entries of a zip archive through its central directory, so a truncated archive (no end record) is
 * refused before anything is read, and every entry is checked against {@link ArchiveLimits} while it is read.
 */
final class ZipArchive {
    private ZipArchive() {}

    interface EntryReader {
        void read(String name, InputStream in) throws IOException;
    }

    static void forEachEntry(Path file, ArchiveLimits limits, java.util.function.Predicate<String> wanted,
                             EntryReader reader) {
        String source = file.toString();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InputException(source, "", "not a complete zip archive (truncated or corrupt): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
        try (zip) {
            if (zip.size() > limits.maxEntries()) {
                throw new InputException(source, "", "archive has " + zip.size() + " entries, more than the limit of "
                        + limits.maxEntries());
            }
            List<ZipEntry> entries = new ArrayList<>();
            Enumeration<? extends ZipEntry> e = zip.entries();
            while (e.hasMoreElements()) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && wanted.test(entry.getName())) {
                    if (entry.getSize() > limits.maxEntryBytes()) {
                        throw new InputException(source + "!" + entry.getName(), "", "entry declares "
                                + entry.getSize() + " bytes, more than the limit of " + limits.maxEntryBytes());
                    }
                    entries.add(entry);
                }
            }
            entries.sort(Comparator.comparing(ZipEntry::getName));
            long[] total = {0};
            for (ZipEntry entry : entries) {
                String where = source + "!" + entry.getName();
                try (InputStream in = new Guard(zip.getInputStream(entry), where, entry.getCompressedSize(), limits, total)) {
                    reader.read(entry.getName(), in);
                } catch (ZipException ex) {
                    throw new InputException(where, "", "corrupt archive entry: " + ex.getMessage(), ex);
                } catch (IOException ex) {
                    throw Inputs.ioError(where, "", ex);
                }
            }
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Counts decompressed bytes and stops at the first limit crossed. */
    private static final class Guard extends FilterInputStream {
        private final String where;
        private final long compressed;
        private final ArchiveLimits limits;
        private final long[] total;
        private long count;

        Guard(InputStream in, String where, long compressed, ArchiveLimits limits, long[] total) {
            super(in);
            this.where = where;
            this.compressed = compressed;
            this.limits = limits;
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            int n;
            try {
                n = super.read(buf, off, len);
            } catch (ZipException e) {
                throw new InputException(where, "", "corrupt archive entry: " + e.getMessage(), e);
            } catch (IOException e) {
                throw Inputs.ioError(where, "", e);
            }
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            total[0] += n;
            if (count > limits.maxEntryBytes()) {
                throw new InputException(where, "", "entry decompresses to more than " + limits.maxEntryBytes()
                        + " bytes (zip bomb?)");
            }
            if (total[0] > limits.maxTotalBytes()) {
                throw new InputException(where, "", "archive decompresses to more than " + limits.maxTotalBytes()
                        + " bytes in total (zip bomb?)");
            }
            if (count > ArchiveLimits.RATIO_THRESHOLD && compressed > 0 && count / compressed > limits.maxRatio()) {
                throw new InputException(where, "", "entry compression ratio exceeds " + limits.maxRatio()
                        + ":1 (zip bomb?)");
            }
        }
    }
}
