package dev.streamsuite.clickstream.domain;

import java.util.List;

/**
 * Ranked trending items to fill a recommendation with, and the reason shown for them.
 *
 * @param items best first
 */
public record TrendingList(String reason, List<ScoredItem> items) {

    public TrendingList {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank, was " + reason);
        }
        items = List.copyOf(items);
    }

    /** Reason {@code "trending"}. */
    public static TrendingList global(List<ScoredItem> items) {
        return new TrendingList("trending", items);
    }

    /** Reason {@code "trending in <category>"}. */
    public static TrendingList inCategory(String category, List<ScoredItem> items) {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("category must not be blank, was " + category);
        }
        return new TrendingList("trending in " + category, items);
    }
}
