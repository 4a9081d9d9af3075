package dev.mamori.vex;

import dev.mamori.match.Finding;

/** The statement that decides a finding's VEX status: the most recent statement that matches it. */
public record VexDecision(Finding finding, VexStatement statement) {
    /** Whether the finding is suppressed (the statement says not affected or fixed). */
    public boolean suppressed() {
        return statement.status().suppresses();
    }
}
