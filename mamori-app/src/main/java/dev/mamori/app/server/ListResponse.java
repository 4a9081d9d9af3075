package dev.mamori.app.server;

import java.util.List;

/**
 * One page of a list.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 * @param total      how many items match, counted no further than {@code totalExact} allows, or null when not counted
 * @param totalExact false when {@code total} is the counting bound and there are more
 */
public record ListResponse<T>(List<T> items, String nextCursor, Long total, Boolean totalExact) {
    public static <T> ListResponse<T> of(List<T> items, String nextCursor) {
        return new ListResponse<>(items, nextCursor, null, null);
    }
}
