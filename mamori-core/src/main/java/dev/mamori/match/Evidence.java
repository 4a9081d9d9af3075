package dev.mamori.match;

import java.util.List;

/**
 * Why a component was matched to a vulnerability: the identifier used, how, and every advisory statement that
 * matched (several sources may say the same thing).
 *
 * @param identifier the component's identifier that matched: its purl, or a CPE name
 * @param method     how the identifier was used
 * @param matched    the advisory statements that matched, one per advisory record
 * @param reason     a sentence for people, including why confidence is not high where it isn't
 */
public record Evidence(String identifier, Method method, List<MatchedStatement> matched, String reason) {
    public Evidence {
        matched = List.copyOf(matched);
    }

    /** The ways a component can be matched. */
    public enum Method {
        /** package URL against a package-ecosystem advisory */
        PURL,
        /** distro package URL against that distro release's advisory (backports count) */
        PURL_DISTRO,
        /** distro package URL without a known release, against every release's advisories */
        PURL_DISTRO_UNKNOWN_RELEASE,
        /** a package URL inferred from an unambiguous name and version (the SBOM gave none), MEDIUM confidence */
        PURL_INFERRED,
        /** a CPE of the component against NVD applicability statements */
        CPE,
        /** name and version only, as a CPE product of any vendor */
        NAME
    }

    /**
     * One advisory statement that matched.
     *
     * @param advisoryId the advisory record's id
     * @param source     where the record came from
     * @param location   where in the record the statement is (a JSON pointer)
     * @param ecosystem  the ecosystem (and release) the statement is for, or the CPE criteria
     * @param range      the range or list that contained the version, as written
     */
    public record MatchedStatement(String advisoryId, String source, String location, String ecosystem, String range) {}
}
