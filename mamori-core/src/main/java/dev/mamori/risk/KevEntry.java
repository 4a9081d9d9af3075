package dev.mamori.risk;

import java.time.LocalDate;

/** A listing in CISA's Known Exploited Vulnerabilities catalogue. */
public record KevEntry(String cveId, LocalDate dateAdded, LocalDate dueDate, boolean knownRansomwareUse) {}
