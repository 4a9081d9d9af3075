package dev.mamori.risk;

/**
 * The class of a vulnerability's weakness and what decided it: the vulnerability's CWE ({@code cwe}), the CWE whose
 * modes of introduction were used ({@code decidingCwe}: the same, or the ancestor reached through ChildOf), the
 * phase that decided, and a one-line explanation. For {@link WeaknessClass#UNKNOWN} the CWE fields are null.
 */
public record WeaknessClassification(WeaknessClass weaknessClass, String cwe, String decidingCwe, String phase, String explanation) {}
