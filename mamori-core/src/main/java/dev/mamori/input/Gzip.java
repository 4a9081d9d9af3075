package dev.mamori.input;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Gzip recognised by its magic bytes, never by a file name, for every reader (SBOMs, advisories, EPSS); the
 * decompressed data can be capped, the defence against compression bombs.
 */
public final class Gzip {
    /** No cap: for inputs streamed record by record, whose size costs time but not memory. */
    public static final long UNLIMITED = Long.MAX_VALUE;
    private static final int BUFFER = 1 << 16;

    private Gzip() {}

    /** True when the (mark-capable) stream starts with the gzip magic bytes; the stream is left where it was. */
    public static boolean isGzip(InputStream markable) throws IOException {
        markable.mark(2);
        int b1 = markable.read();
        int b2 = markable.read();
        markable.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /** The stream, decompressed when it is gzip; buffered and mark-capable either way. */
    public static InputStream maybeGunzip(InputStream in, long limit, String source) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, BUFFER);
        return isGzip(buffered) ? gunzip(buffered, limit, source) : buffered;
    }

    /**
     * The decompressed stream of gzip data; reading past {@code limit} decompressed bytes throws {@link TooLarge}
     * naming {@code source}.
     */
    public static InputStream gunzip(InputStream gz, long limit, String source) throws IOException {
        InputStream z = new GZIPInputStream(gz, BUFFER);
        return new BufferedInputStream(limit == UNLIMITED ? z : new Limited(z, limit, source), BUFFER);
    }

    /** Decompressed data past the cap; an IOException so that every reader passes it through. */
    public static final class TooLarge extends IOException {
        private final String source;

        TooLarge(String source, long limit) {
            super("decompresses to more than " + limit + " bytes, the most allowed here (a compression bomb?)");
            this.source = source;
        }

        public String source() {
            return source;
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private final String source;
        private long count;

        Limited(InputStream in, long limit, String source) {
            super(in);
            this.limit = limit;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void add(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge(source, limit);
            }
        }
    }
}
