package dev.mamori.store.portfolio;

/** A component found in a release of a product: the answer to "where is X used?". */
public record ComponentUse(StoredComponent component, long productId, String productName, long releaseId,
                           String releaseVersion) {}
