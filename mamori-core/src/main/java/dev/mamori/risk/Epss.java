package dev.mamori.risk;

import java.time.LocalDate;

/** FIRST EPSS: probability of exploitation activity in the next 30 days, its percentile, and the score date (may be null). */
public record Epss(double score, double percentile, LocalDate date) {
    public Epss {
        if (!(score >= 0 && score <= 1) || !(percentile >= 0 && percentile <= 1)) {
            throw new IllegalArgumentException("EPSS score and percentile are between 0 and 1: " + score + ", " + percentile);
        }
    }
}
