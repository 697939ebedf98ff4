package dev.streamsuite.clickstream.domain;

import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** The best-scored items of a map of scores, as trending windows and the HTTP query rank them. */
public final class TopScores {

    private TopScores() {}

    /**
     * The {@code n} items with the highest scores, best first, equal scores by item id. Keeps a heap of {@code n}
     * rather than sorting every item, since a window can hold the whole catalog.
     */
    public static List<ScoredItem> top(Map<String, Double> scoresByItem, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        if (n == 0) {
            return List.of();
        }
        // Worst first, so the head is the one to drop when a better item turns up.
        PriorityQueue<ScoredItem> best = new PriorityQueue<>(n + 1, ScoredItem.BEST_FIRST.reversed());
        scoresByItem.forEach((itemId, score) -> {
            best.add(new ScoredItem(itemId, score));
            if (best.size() > n) {
                best.poll();
            }
        });
        return best.stream().sorted(ScoredItem.BEST_FIRST).toList();
    }
}
