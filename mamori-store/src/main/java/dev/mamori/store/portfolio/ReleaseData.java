package dev.mamori.store.portfolio;

import java.time.LocalDate;

/** What a client sets on a release. */
public record ReleaseData(String version, LocalDate releasedAt, LocalDate supportedUntil) {}
