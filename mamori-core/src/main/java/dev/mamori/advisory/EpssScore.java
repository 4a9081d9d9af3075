package dev.mamori.advisory;

/**
 * A CVE's EPSS score: the probability of exploitation activity in the next 30 days, and its percentile among all
 * scored CVEs. {@code percentile} is {@code NaN} in the oldest files (April 2021), which had no percentile column.
 */
public record EpssScore(String cve, double epss, double percentile) {}
