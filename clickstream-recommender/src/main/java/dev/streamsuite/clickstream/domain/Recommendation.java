package dev.streamsuite.clickstream.domain;

import dev.streamsuite.schemas.clickstream.RecommendationStrategy;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ranked items for a shopper, best first, and how they were found.
 *
 * @param items distinct items, best first
 * @param strategy {@code PERSONALIZED} when at least one item comes from the shopper's own history, {@code TRENDING}
 *     when nothing in it led anywhere (cold start)
 */
public record Recommendation(List<RecommendedItem> items, RecommendationStrategy strategy) {

    public Recommendation {
        Objects.requireNonNull(strategy, "strategy");
        items = List.copyOf(items);
        Set<String> seen = new HashSet<>();
        for (RecommendedItem item : items) {
            if (!seen.add(item.itemId())) {
                throw new IllegalArgumentException("item " + item.itemId() + " recommended more than once");
            }
        }
    }

    public List<String> itemIds() {
        return items.stream().map(RecommendedItem::itemId).toList();
    }
}
