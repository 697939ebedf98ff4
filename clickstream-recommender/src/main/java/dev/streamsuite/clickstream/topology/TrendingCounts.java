package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.ScoredItem;
import dev.streamsuite.clickstream.domain.TopScores;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted interactions per item in one bucket of the trending counts (or, added up, one window). Bounded: beyond {@code 4 × size}
 * items only the strongest are kept, so a category with a long tail costs constant space.
 */
record TrendingCounts(Map<String, Double> weights) {

    static TrendingCounts empty() {
        return new TrendingCounts(Map.of());
    }

    TrendingCounts add(String itemId, double weight, int size) {
        var updated = new HashMap<>(weights);
        updated.merge(itemId, weight, Double::sum);
        if (updated.size() > 4 * size) {
            var kept = new HashMap<String, Double>();
            TopScores.top(updated, 2 * size).forEach(item -> kept.put(item.itemId(), item.score()));
            kept.putIfAbsent(itemId, updated.get(itemId));
            return new TrendingCounts(kept);
        }
        return new TrendingCounts(updated);
    }

    /** These counts and {@code others'} added up in order, unbounded: for reading a window, not for storing. */
    TrendingCounts plus(List<TrendingCounts> others) {
        var sum = new HashMap<>(weights);
        others.forEach(other -> other.weights.forEach((itemId, weight) -> sum.merge(itemId, weight, Double::sum)));
        return new TrendingCounts(sum);
    }

    List<ScoredItem> top(int size) {
        return TopScores.top(weights, size);
    }
}
