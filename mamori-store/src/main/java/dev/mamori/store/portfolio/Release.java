package dev.mamori.store.portfolio;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A release of a product.
 *
 * @param currentSbomId the SBOM whose components the release has now (the latest upload), or null
 */
public record Release(long id, long productId, String version, LocalDate releasedAt, LocalDate supportedUntil,
                      Long currentSbomId, Instant createdAt, Instant updatedAt) {}
