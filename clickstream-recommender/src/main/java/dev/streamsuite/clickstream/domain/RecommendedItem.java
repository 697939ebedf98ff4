package dev.streamsuite.clickstream.domain;

/**
 * One recommended item, with why it was chosen.
 *
 * @param score comparable only among items with the same kind of reason: personalized items carry their blended
 *     co-occurrence score, trending fill carries the trending list's score. The list order is the ranking.
 * @param reason for the shopper, e.g. {@code "viewed with item-42"}, {@code "trending"}, {@code "trending in books"}
 */
public record RecommendedItem(String itemId, double score, String reason) {

    public RecommendedItem {
        ItemIds.require(itemId);
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, was " + score);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank, was " + reason);
        }
    }
}
