package dev.mamori.advisory;

import java.util.List;
import java.util.Locale;

/**
 * A link an advisory gives, with its kind.
 *
 * @param url  the address
 * @param type the kind in OSV's words ({@code ADVISORY, ARTICLE, DETECTION, DISCUSSION, REPORT, FIX, INTRODUCED,
 *             PACKAGE, EVIDENCE, WEB}) plus {@code EXPLOIT} where a source tags the link as an exploit (NVD's
 *             {@code Exploit}, CVE 5's {@code exploit}); {@code WEB} when nothing more is known
 * @param tags the source's own tags or categories, unchanged (NVD {@code Vendor Advisory}, CVE 5 {@code patch},
 *             JVN {@code vendor}, CSAF {@code external}), possibly empty
 */
public record Reference(String url, String type, List<String> tags) {
    public static final String WEB = "WEB";
    public static final String EXPLOIT = "EXPLOIT";

    public Reference {
        type = type == null || type.isBlank() ? WEB : type.strip().toUpperCase(Locale.ROOT);
        tags = List.copyOf(tags);
    }

    public Reference(String url, String type) {
        this(url, type, List.of());
    }

    /** Whether the source marked this link as an exploit or proof of concept. */
    public boolean isExploit() {
        return EXPLOIT.equals(type);
    }

    /**
     * The reference type for a source's tags (NVD, CVE 5, JVN), the strongest first: exploit, fix, advisory,
     * report, discussion, article; otherwise {@code WEB}.
     */
    public static String typeOfTags(List<String> tags) {
        String best = WEB;
        int bestRank = Integer.MAX_VALUE;
        for (String tag : tags) {
            String t = tag.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
            String type;
            if (t.equals("exploit") || t.equals("x-refsource-exploit-db")) {
                type = EXPLOIT;
            } else if (t.equals("patch") || t.equals("vendor-fix") || t.equals("fix")) {
                type = "FIX";
            } else if (t.contains("advisory") || t.equals("us-government-resource") || t.equals("vdb-entry")) {
                type = "ADVISORY";
            } else if (t.equals("issue-tracking") || t.equals("report")) {
                type = "REPORT";
            } else if (t.equals("mailing-list") || t.equals("discussion")) {
                type = "DISCUSSION";
            } else if (t.equals("technical-description") || t.equals("press/media-coverage")
                    || t.equals("media-coverage") || t.equals("article")) {
                type = "ARTICLE";
            } else {
                continue;
            }
            int rank = List.of(EXPLOIT, "FIX", "ADVISORY", "REPORT", "DISCUSSION", "ARTICLE").indexOf(type);
            if (rank < bestRank) {
                best = type;
                bestRank = rank;
            }
        }
        return best;
    }
}
