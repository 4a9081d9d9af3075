package dev.mamori.app.server.analysis;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Provenance;
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
                .thenComparing(a -> a.provenance().source()).thenComparing(a -> content(a).toString())).toList();
        return new AdvisorySnapshot(AdvisoryIndex.of(sorted), sorted, fingerprint(sorted), loadedAt, problems);
    }

    /**
     * The record without where and when it was read: the same advisory from another file or directory, or read
     * again later, is the same content.
     */
    static Advisory content(Advisory a) {
        Provenance p = a.provenance();
        if (p.origin() == null && p.fetchedAt() == null) {
            return a;
        }
        return new Advisory(a.id(), a.aliases(), a.related(), a.upstream(), a.summary(), a.details(), a.language(), a.affected(),
                a.products(), a.configurations(), a.severities(), a.cwes(), a.references(), a.credits(), a.ssvc(), a.kev(),
                a.published(), a.modified(), a.withdrawn(), a.tlp(), a.databaseSpecific(),
                new Provenance(p.source(), null, null, p.upstreamModified()));
    }

    private static String fingerprint(List<Advisory> sorted) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Advisory a : sorted) {
                sha.update(content(a).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
