package dev.streamsuite.clickstream.domain;

/** Evidence that {@code to} goes with {@code from}, to be added to {@code from}'s related items. */
public record PairIncrement(String from, String to, double weight) {

    public PairIncrement {
        ItemIds.require(from);
        ItemIds.require(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("an item is not related to itself: " + from);
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite, was " + weight);
        }
    }
}
