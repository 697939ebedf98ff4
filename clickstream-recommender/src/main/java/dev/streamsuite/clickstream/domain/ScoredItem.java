package dev.streamsuite.clickstream.domain;

import java.util.Comparator;

/** An item with a score; higher is better. */
public record ScoredItem(String itemId, double score) {

    /** Best first; equal scores by item id, so that a ranking never depends on the order items were seen in. */
    public static final Comparator<ScoredItem> BEST_FIRST = (a, b) -> {
        int byScore = Double.compare(b.score, a.score);
        return byScore != 0 ? byScore : a.itemId.compareTo(b.itemId);
    };

    public ScoredItem {
        ItemIds.require(itemId);
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, was " + score);
        }
    }
}
