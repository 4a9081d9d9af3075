package dev.mamori.sbom;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops a decompressing stream once it has produced more than a limit: the defence against compression bombs. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String source;
    private long count;

    LimitedInputStream(InputStream in, long limit, String source) {
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

    private void add(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded(source, "decompresses to more than " + limit
                    + " bytes, the most a gzipped SBOM may hold (a compression bomb?)");
        }
    }

    /** Thrown when the limit is passed; an IOException so every reader passes it through unchanged. */
    static final class LimitExceeded extends IOException {
        private final String source;

        LimitExceeded(String source, String message) {
            super(message);
            this.source = source;
        }

        String source() {
            return source;
        }
    }
}
