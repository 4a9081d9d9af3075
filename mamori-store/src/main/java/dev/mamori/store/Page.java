package dev.mamori.store;

import java.util.List;

/**
 * One page of a keyset-paginated list.
 *
 * @param items      the rows of this page
 * @param nextCursor the opaque cursor of the next page, or null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
