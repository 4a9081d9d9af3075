package dev.mamori.store.portfolio;

import java.time.Instant;
import java.util.List;

/**
 * A product the organisation ships.
 *
 * @param riskProfile the product's risk profile (JSON text, {@code mamori-risk-profile/1}), or null
 */
public record Product(long id, String name, String ownerTeam, String description, List<String> tags, String riskProfile,
                      Instant createdAt, Instant updatedAt) {
    public Product {
        tags = List.copyOf(tags);
    }
}
