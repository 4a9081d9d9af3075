package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Range evaluation against ground truth: every PyPI advisory of the Python Packaging Advisory Database lists its
 * affected versions explicitly. Evaluating the advisory's ECOSYSTEM ranges over the versions it lists, and over every
 * other version of the same package known from the whole database, must agree with the list.
 *
 * <p>The few disagreements that remain are errors in the advisory data, each named in {@link #DATA_ERRORS} by
 * advisory and version with its reason; the test checks every entry against the data (its kind's condition holds,
 * and it is still needed), so the list cannot hide a new disagreement or outlive a fixed one.
 */
final class OsvPypiGroundTruthTest {
    record Entry(String id, Instant modified, String pkg, List<EventRange> ranges, Set<String> listed) {}

    /** What kind of data error explains a disagreement; each kind is checked against the data. */
    enum DataErrorKind {
        /**
         * In range but not listed, and every advisory that lists the version was modified after this one: the release
         * came out (a backport of an older series) after this list was generated.
         */
        RELEASED_AFTER_LIST,
        /**
         * In range but not listed, and every advisory that lists the version was modified before this one: the release
         * was deleted from the index before this list was generated.
         */
        DELETED_BEFORE_LIST,
        /** Listed, but the advisory's own ranges exclude it: the list was produced from other ranges. */
        LISTED_OUTSIDE_RANGE
    }

    /** Advisories × versions whose disagreement is a data error of the kind and reason given. */
    record DataError(DataErrorKind kind, String pkg, List<String> ids, List<String> versions, String reason) {
        DataError(DataErrorKind kind, String pkg, String ids, String versions, String reason) {
            this(kind, pkg, Arrays.asList(ids.split(" ")), Arrays.asList(versions.split(" ")), reason);
        }
    }

    static final List<DataError> DATA_ERRORS = List.of(
            new DataError(DataErrorKind.DELETED_BEFORE_LIST, "tensorflow",
                    "PYSEC-2021-389 PYSEC-2021-390 PYSEC-2021-391 PYSEC-2021-392 PYSEC-2021-393 PYSEC-2021-394"
                            + " PYSEC-2021-395 PYSEC-2021-396 PYSEC-2021-397 PYSEC-2021-398 PYSEC-2021-399 PYSEC-2021-400"
                            + " PYSEC-2021-401 PYSEC-2021-402 PYSEC-2021-404 PYSEC-2021-405 PYSEC-2021-406 PYSEC-2021-407"
                            + " PYSEC-2021-408 PYSEC-2021-409 PYSEC-2021-410 PYSEC-2021-411 PYSEC-2021-413 PYSEC-2021-414"
                            + " PYSEC-2021-415 PYSEC-2021-416 PYSEC-2021-417 PYSEC-2021-418 PYSEC-2021-419 PYSEC-2021-420"
                            + " PYSEC-2021-842 PYSEC-2021-843",
                    "0.12.0rc0 0.12.0rc1 1.1.0rc0 1.1.0rc1 1.1.0rc2 1.2.0rc0 1.2.0rc1 1.2.0rc2 1.3.0rc0 1.3.0rc1"
                            + " 1.3.0rc2 1.4.0rc0 1.4.0rc1 1.5.0rc0 1.5.0rc1 1.6.0rc0 1.6.0rc1 1.7.0rc0 1.7.0rc1 1.8.0rc0"
                            + " 1.8.0rc1 1.9.0rc0 1.9.0rc1 1.9.0rc2 1.10.0rc0 1.10.0rc1 1.11.0rc0 1.11.0rc1 1.11.0rc2"
                            + " 1.12.0rc0 1.12.0rc1 1.12.0rc2 1.13.0rc0 1.13.0rc1 1.13.0rc2 1.14.0rc0 1.14.0rc1 1.15.0rc0"
                            + " 1.15.0rc1 1.15.0rc2 1.15.0rc3 2.0.0a0 2.0.0b0 2.0.0b1 2.0.0rc0 2.0.0rc1 2.0.0rc2 2.1.0rc0"
                            + " 2.1.0rc1 2.1.0rc2",
                    "TensorFlow's pre-releases up to 2.1.0rc2: ~144 advisories modified up to 2021-09-01 list them, none"
                            + " of the 34 modified from 2021-11-13 on does (these 32 include them in their ranges)"),
            new DataError(DataErrorKind.DELETED_BEFORE_LIST, "nautobot", "PYSEC-2024-16",
                    "1.1.0b1 1.1.0b2 1.2.0b1 1.3.0b1 1.4.0a1 1.4.0a2 1.4.0b1 1.4.0rc1 1.4.6b1 1.5.0b1",
                    "pre-releases listed only by PYSEC-2023-37 (modified 2023-05-04), gone from the list of 2024-01"),
            new DataError(DataErrorKind.DELETED_BEFORE_LIST, "paddlepaddle", "PYSEC-2022-43063",
                    "2.0.0rc0 2.0.0rc1",
                    "listed by the advisories of 2023-07-26, gone from this list modified 2023-11-07"),
            new DataError(DataErrorKind.RELEASED_AFTER_LIST, "notebook", "PYSEC-2020-215 PYSEC-2022-180",
                    "5.7.14a0 5.7.14 5.7.15",
                    "5.7.x backports released after these lists (2021-08, 2022-04); first listed by PYSEC-2022-212"
                            + " (2022-08-24)"),
            new DataError(DataErrorKind.RELEASED_AFTER_LIST, "scrapy", "PYSEC-2022-159", "1.8.3",
                    "1.8.x backport released after this list (2022-03-09); first listed 2022-09-08"),
            new DataError(DataErrorKind.RELEASED_AFTER_LIST, "ansible", "PYSEC-2020-220", "6.7.0",
                    "released after this list (2022-11-08); first listed 2023-06-22"),
            new DataError(DataErrorKind.RELEASED_AFTER_LIST, "nvflare", "PYSEC-2022-257", "2.0.19",
                    "2.0.x backport released after this list (2022-09-01); first listed 2023-06-05"),
            new DataError(DataErrorKind.LISTED_OUTSIDE_RANGE, "django", "PYSEC-2023-61",
                    "3.2a1 3.2b1 3.2rc1 4.2a1 4.2b1 4.2rc1",
                    "pre-releases of the introduced versions 3.2 and 4.2 are listed, but they sort below them (the"
                            + " list does not list 4.0's pre-releases for introduced 4.0 either)"),
            new DataError(DataErrorKind.LISTED_OUTSIDE_RANGE, "gevent", "PYSEC-2023-177", "23.9.0 23.9.0.post1",
                    "listed although the range says fixed 23.9.0 (the list was computed for a later fix)"),
            new DataError(DataErrorKind.LISTED_OUTSIDE_RANGE, "wagtail", "PYSEC-2021-114", "2.11.6",
                    "malformed range with overlapping pairs (introduced 2.11/fixed 2.11.7 and introduced 0/fixed"
                            + " 2.11.6 in one events list): OSV's sorted-event evaluation closes at fixed 2.11.6, the"
                            + " list was made pair by pair"));

    @Test
    void pypiRanges_agreeWithExplicitVersionLists() throws IOException {
        VersionScheme pypi = VersionSchemes.forName("pypi");
        List<Entry> entries = new ArrayList<>();
        Map<String, Set<String>> knownVersions = new HashMap<>();
        Map<String, List<Instant>> listedWhen = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                getClass().getResourceAsStream("/osv-pypi/osv-pypi.jsonl.gz")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode adv = mapper.readTree(line);
                Instant modified = Instant.parse(adv.path("modified").asText());
                for (JsonNode affected : adv.path("affected")) {
                    String pkg = affected.path("package").path("name").asText().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
                    List<EventRange> ranges = new ArrayList<>();
                    for (JsonNode range : affected.path("ranges")) {
                        if (!range.path("type").asText().equals("ECOSYSTEM")) {
                            continue;
                        }
                        List<EventRange.Event> events = new ArrayList<>();
                        for (JsonNode e : range.path("events")) {
                            e.fields().forEachRemaining(f -> events.add(new EventRange.Event(
                                    EventRange.Kind.valueOf(f.getKey().toUpperCase(Locale.ROOT)), f.getValue().asText())));
                        }
                        ranges.add(new EventRange(events));
                    }
                    Set<String> listed = new LinkedHashSet<>();
                    affected.path("versions").forEach(v -> listed.add(v.asText()));
                    knownVersions.computeIfAbsent(pkg, k -> new LinkedHashSet<>()).addAll(listed);
                    for (String v : listed) {
                        listedWhen.computeIfAbsent(pkg + " " + v, k -> new ArrayList<>()).add(modified);
                    }
                    if (!ranges.isEmpty() && !listed.isEmpty()) {
                        entries.add(new Entry(adv.path("id").asText(), modified, pkg, ranges, listed));
                    }
                }
            }
        }
        int inside = 0;
        int outside = 0;
        int newer = 0;
        int legacy = 0;
        int explained = 0;
        List<String> disagreements = new ArrayList<>();
        Set<String> usedAllowances = new HashSet<>();
        for (Entry e : entries) {
            // The list was computed when the advisory was last generated: versions released later than the newest
            // listed one are absent from it whatever the range says, so only versions up to that one are judged.
            String newestListed = e.listed().stream().max(pypi.comparator()).orElseThrow();
            for (String v : knownVersions.get(e.pkg())) {
                if (pypi.compare(v, newestListed) > 0) {
                    newer++;
                    continue;
                }
                if (PypiVersion.tryParse(v) == null) {
                    legacy++;
                }
                boolean inRange;
                try {
                    inRange = e.ranges().stream().anyMatch(r -> r.contains(pypi, v));
                } catch (VersionException ex) {
                    disagreements.add(e.id() + " " + e.pkg() + " " + v + ": " + ex.getMessage());
                    continue;
                }
                boolean listed = e.listed().contains(v);
                if (listed) {
                    inside++;
                } else {
                    outside++;
                }
                if (inRange == listed) {
                    continue;
                }
                String what = e.id() + " " + e.pkg() + " " + v + ": range says " + inRange + ", list says " + listed;
                DataError known = DATA_ERRORS.stream().filter(d -> d.pkg().equals(e.pkg()) && d.ids().contains(e.id())
                        && d.versions().contains(v)).findFirst().orElse(null);
                if (known == null) {
                    disagreements.add(what);
                    continue;
                }
                List<Instant> when = listedWhen.getOrDefault(e.pkg() + " " + v, List.of());
                boolean holds = switch (known.kind()) {
                    case RELEASED_AFTER_LIST -> inRange && !when.isEmpty()
                            && when.stream().allMatch(t -> t.isAfter(e.modified()));
                    case DELETED_BEFORE_LIST -> inRange && !when.isEmpty()
                            && when.stream().allMatch(t -> t.isBefore(e.modified()));
                    case LISTED_OUTSIDE_RANGE -> listed;
                };
                if (!holds) {
                    disagreements.add(what + " (allowed as " + known.kind() + ", which the data does not show)");
                    continue;
                }
                usedAllowances.add(e.id() + " " + v);
                explained++;
            }
        }
        List<String> stale = new ArrayList<>();
        int allowancePairs = 0;
        for (DataError d : DATA_ERRORS) {
            for (String id : d.ids()) {
                for (String v : d.versions()) {
                    allowancePairs++;
                    if (!usedAllowances.contains(id + " " + v)) {
                        stale.add(d.kind() + " " + id + " " + d.pkg() + " " + v + " no longer disagrees");
                    }
                }
            }
        }
        System.out.printf("OSV PyPI ground truth: %d advisory entries, %d listed versions inside, %d other known versions outside,"
                + " %d newer than the list (not judged), %d judged legacy (non-PEP 440) versions; %d disagreements,"
                + " %d of them data errors allowed by %d entries (%d advisory/version pairs)%n", entries.size(), inside,
                outside, newer, legacy, disagreements.size() + explained, explained, DATA_ERRORS.size(), allowancePairs);
        assertThat(entries).hasSizeGreaterThan(2000);
        assertThat(disagreements).isEmpty();
        assertThat(stale).isEmpty();
    }
}
