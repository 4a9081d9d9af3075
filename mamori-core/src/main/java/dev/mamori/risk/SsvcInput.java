package dev.mamori.risk;

/** One input of an SSVC decision: decision point, value (as in the table), where it came from and why. */
public record SsvcInput(String decisionPoint, String value, Source source, String detail) {}
