package dev.mamori.advisory;

/**
 * A severity statement of an advisory: a CVSS vector ({@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4}) or a
 * qualitative rating of the source ({@code type} is then the source's scheme, e.g. {@code GHSA}).
 *
 * @param level the qualitative level this statement gives
 */
public record Severity(String type, String score, SeverityLevel level) {}
