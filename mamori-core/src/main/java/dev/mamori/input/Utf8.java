package dev.mamori.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Byte-level helpers for UTF-8 input. */
public final class Utf8 {
    private Utf8() {}

    /** Returns a stream positioned after a UTF-8 byte order mark (EF BB BF), if the input starts with one. */
    public static InputStream skipByteOrderMark(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 8192);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }
}
