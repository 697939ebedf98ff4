package dev.streamsuite.clickstream.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Weighted interaction counts per item for one window, and the ranking of such counts.
 *
 * <p>The topology keeps the same sums in a windowed state store and ranks them with {@link #top(Map, int)}; an
 * instance is the in-memory equivalent for one window, for tests and offline evaluation. Instances are mutable
 * and not thread-safe: a counter is an accumulator, and copying the map on every click would make it quadratic.
 */
public final class TrendingCounter {

    private final InteractionWeights weights;
    private final Map<String, Double> totals = new HashMap<>();

    public TrendingCounter(InteractionWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** Counts the event with its interaction's weight. */
    public void record(SessionEvent event) {
        add(event.itemId(), weights.weightOf(event.interaction()));
    }

    public void add(String itemId, double weight) {
        ItemIds.require(itemId);
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite, was " + weight);
        }
        totals.merge(itemId, weight, Double::sum);
    }

    /** A copy of the totals so far. */
    public Map<String, Double> totals() {
        return Map.copyOf(totals);
    }

    public List<ScoredItem> top(int n) {
        return top(totals, n);
    }

    /**
     * The {@code n} items with the highest totals, best first, equal totals by item id. Keeps a heap of {@code n}
     * rather than sorting every item, since a window can hold the whole catalog.
     */
    public static List<ScoredItem> top(Map<String, Double> totalsByItem, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        if (n == 0) {
            return List.of();
        }
        // Worst first, so the head is the one to drop when a better item turns up.
        PriorityQueue<ScoredItem> best = new PriorityQueue<>(n + 1, ScoredItem.BEST_FIRST.reversed());
        totalsByItem.forEach((itemId, total) -> {
            best.add(new ScoredItem(itemId, total));
            if (best.size() > n) {
                best.poll();
            }
        });
        return best.stream().sorted(ScoredItem.BEST_FIRST).toList();
    }
}
