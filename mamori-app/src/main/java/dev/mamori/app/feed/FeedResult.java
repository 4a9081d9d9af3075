package dev.mamori.app.feed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one source's sync did.
 *
 * @param source    the source name ({@code osv}, {@code nvd}, …)
 * @param outcome   the overall result
 * @param fetched   files written into the mirror
 * @param unchanged items found unchanged (304, same checksum, nothing modified since the last sync)
 * @param refused   downloads refused and not written (checksum mismatch, not the expected format)
 * @param bytes     bytes written
 * @param written   the files written, in order (for an import of just what changed)
 * @param notes     remarks worth showing (no checksum published, documents without an OpenPGP signature, …)
 * @param errors    what failed
 */
public record FeedResult(String source, Outcome outcome, int fetched, int unchanged, int refused, long bytes,
                         List<Path> written, List<String> notes, List<String> errors) {
    /** The overall result of one source. */
    public enum Outcome {
        /** New data was written. */
        UPDATED,
        /** Nothing had changed. */
        UNCHANGED,
        /** Not configured (e.g. CSAF without providers). */
        SKIPPED,
        /** Something failed; what succeeded is kept and the position saved. */
        FAILED
    }

    public FeedResult {
        written = List.copyOf(written);
        notes = List.copyOf(notes);
        errors = List.copyOf(errors);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** Counts what a source's sync does, then becomes a {@link FeedResult}. */
    static final class Tally {
        final String source;
        int fetched;
        int unchanged;
        int refused;
        long bytes;
        boolean skipped;
        final List<Path> written = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Tally(String source) {
            this.source = source;
        }

        synchronized void wrote(Path file, long size) {
            fetched++;
            bytes += size;
            written.add(file);
        }

        synchronized void unchanged() {
            unchanged++;
        }

        synchronized void refused(String why) {
            refused++;
            errors.add(why);
        }

        synchronized void error(String why) {
            errors.add(why);
        }

        synchronized void note(String what) {
            if (!notes.contains(what)) {
                notes.add(what);
            }
        }

        synchronized FeedResult result() {
            Outcome o;
            if (!errors.isEmpty()) {
                o = Outcome.FAILED;
            } else if (skipped) {
                o = Outcome.SKIPPED;
            } else if (fetched > 0) {
                o = Outcome.UPDATED;
            } else {
                o = Outcome.UNCHANGED;
            }
            return new FeedResult(source, o, fetched, unchanged, refused, bytes, written, notes, errors);
        }
    }
}
