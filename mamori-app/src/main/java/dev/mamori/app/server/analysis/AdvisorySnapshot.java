package dev.mamori.app.server.analysis;

import dev.mamori.advisory.Advisory;
import dev.mamori.match.AdvisoryIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The advisories in force at one moment, indexed for matching. Immutable.
 *
 * @param fingerprint a SHA-256 over every record (in id order), the same for the same advisories on any node and
 *                    after a restart
 * @param problems    what could not be read (a file and the reason), without stopping the rest
 */
public record AdvisorySnapshot(AdvisoryIndex index, List<Advisory> advisories, String fingerprint, Instant loadedAt,
                               List<String> problems) {
    public AdvisorySnapshot {
        advisories = List.copyOf(advisories);
        problems = List.copyOf(problems);
    }

    public static AdvisorySnapshot empty() {
        return of(List.of(), List.of(), Instant.EPOCH);
    }

    public static AdvisorySnapshot of(List<Advisory> advisories, List<String> problems, Instant loadedAt) {
        List<Advisory> sorted = advisories.stream().sorted(Comparator.comparing(Advisory::id)
                .thenComparing(a -> a.provenance().source())).toList();
        return new AdvisorySnapshot(AdvisoryIndex.of(sorted), sorted, fingerprint(sorted), loadedAt, problems);
    }

    private static String fingerprint(List<Advisory> sorted) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Advisory a : sorted) {
                sha.update(a.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
