package dev.mamori.advisory;

import dev.mamori.input.Gzip;
import dev.mamori.input.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening input files: gzip is recognised by its magic bytes, not by the file name. */
final class Inputs {
    static final int BUFFER = 1 << 16;

    private Inputs() {}

    /** Opens a file, transparently decompressing gzip. */
    static InputStream open(Path file) {
        try {
            return maybeGunzip(new BufferedInputStream(Files.newInputStream(file), BUFFER));
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "no such file or directory");
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Returns a stream that decompresses the input if it starts with the gzip magic bytes. */
    static InputStream maybeGunzip(InputStream in) throws IOException {
        return Gzip.maybeGunzip(in, Gzip.UNLIMITED, null);
    }

    /** An {@link InputException} for an I/O failure, with gzip's terse messages made readable. */
    static InputException ioError(String source, String location, IOException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.io.EOFException || msg.contains("Unexpected end of ZLIB")) {
            msg = "unexpected end of compressed data (truncated file?): " + msg;
        } else if (e instanceof java.util.zip.ZipException) {
            msg = "corrupt compressed data: " + msg;
        } else {
            msg = "cannot read: " + msg;
        }
        return new InputException(source, location, msg, e);
    }
}
