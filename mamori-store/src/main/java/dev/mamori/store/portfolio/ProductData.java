package dev.mamori.store.portfolio;

import java.util.List;

/** What a client sets on a product. */
public record ProductData(String name, String ownerTeam, String description, List<String> tags, String riskProfile) {
    public ProductData {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
