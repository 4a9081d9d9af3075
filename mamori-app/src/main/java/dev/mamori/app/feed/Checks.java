package dev.mamori.app.feed;

import dev.mamori.advisory.AdvisoryFormat;
import dev.mamori.advisory.AdvisorySources;
import dev.mamori.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipFile;

/** Checks a download before it may enter the mirror. */
final class Checks {
    private Checks() {}

    /** What a download must be before it is moved into place. */
    @FunctionalInterface
    interface Check {
        /** @throws FeedException (a refusal) when the file must not be written */
        void verify(Path file, URI from);
    }

    /** Accepts anything. */
    static final Check NONE = (file, from) -> { };

    /**
     * The file must be in one of these formats as {@link AdvisorySources#detect} judges content, so what the
     * mirror holds is what an import can read (an HTML error page served with 200 is refused, for one).
     */
    static Check format(AdvisoryFormat... allowed) {
        return (file, from) -> {
            AdvisoryFormat found;
            try {
                found = AdvisorySources.detect(file);
            } catch (InputException e) {
                throw FeedException.refused(from + ": unreadable download (" + e.reason() + "); not written");
            }
            if (Arrays.asList(allowed).contains(found)) {
                return;
            }
            throw FeedException.refused(from + ": expected " + names(allowed) + " but the content is "
                    + (found == AdvisoryFormat.UNKNOWN ? "in no known advisory format" : found) + "; not written");
        };
    }

    /** An OSV archive whose zip directory can be read (a truncated archive is refused). */
    static Check osvArchive() {
        Check format = format(AdvisoryFormat.OSV_ARCHIVE);
        return (file, from) -> {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                if (zip.size() == 0) {
                    throw FeedException.refused(from + ": the archive is empty; not written");
                }
            } catch (IOException e) {
                throw FeedException.refused(from + ": not a complete zip archive (" + e.getMessage()
                        + "); not written");
            }
            format.verify(file, from);
        };
    }

    private static String names(AdvisoryFormat... formats) {
        return String.join(" or ", Arrays.stream(formats).map(Enum::name).toList());
    }

    /** Lower-case hex digest of a file. */
    static String digest(Path file, String algorithm) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The hash in a {@code .sha256} / {@code .sha512} file: its first word ({@code <hex>  <file name>}). */
    static String publishedHash(String text) {
        String t = text.strip();
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) {
            sp++;
        }
        String h = t.substring(0, sp).toLowerCase(java.util.Locale.ROOT);
        return h.matches("[0-9a-f]{64}|[0-9a-f]{128}") ? h : null;
    }
}
