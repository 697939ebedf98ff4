package dev.streamsuite.clickstream.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a click into the co-occurrence evidence it adds: the arriving item goes with the other items of its
 * session, in both directions.
 *
 * <p>Over a whole session, each pair of distinct items earns {@code (w(a) + w(b)) / 2}, where {@code w} is the
 * weight of the item's strongest interaction in the session. An item's first click earns that with every other
 * item; a later, stronger interaction with the same item (a view, then a cart) earns only the difference
 * {@code (w(new) - w(old)) / 2}; a repeat or weaker interaction earns nothing. So reloading a page, or a
 * redelivered click, does not inflate a pair, and the total does not depend on the order of the clicks.
 *
 * <p>Only the {@code maxItemsPerSession} most recent other items are paired, so a very long session costs a bounded
 * number of increments per click; the pairs it leaves out are the ones least likely to be related anyway.
 */
public record SessionPairs(InteractionWeights weights, int maxItemsPerSession) {

    public SessionPairs {
        Objects.requireNonNull(weights, "weights");
        if (maxItemsPerSession < 1) {
            throw new IllegalArgumentException("maxItemsPerSession must be at least 1, was " + maxItemsPerSession);
        }
    }

    /**
     * The increments for {@code arrived}, given the session as it was before it; for each other item, most recent
     * first, {@code (arrived -> other)} then {@code (other -> arrived)}. Increments that would add nothing are left
     * out.
     */
    public List<PairIncrement> increments(SessionState sessionSoFar, SessionEvent arrived) {
        ItemInteraction previous = sessionSoFar.find(arrived.itemId()).orElse(null);
        double previousWeight = previous == null ? 0.0 : weights.weightOf(previous.strongest());
        double arrivedWeight = weights.weightOf(
                previous == null
                        ? arrived.interaction()
                        : previous.with(arrived).strongest());
        if (previous != null && arrivedWeight <= previousWeight) {
            return List.of();
        }
        List<PairIncrement> increments = new ArrayList<>();
        int paired = 0;
        for (ItemInteraction other : sessionSoFar.items()) {
            if (paired == maxItemsPerSession) {
                break;
            }
            if (other.itemId().equals(arrived.itemId())) {
                continue;
            }
            paired++;
            double weight = previous != null
                    ? (arrivedWeight - previousWeight) / 2
                    : (arrivedWeight + weights.weightOf(other.strongest())) / 2;
            if (weight > 0.0) {
                increments.add(new PairIncrement(arrived.itemId(), other.itemId(), weight));
                increments.add(new PairIncrement(other.itemId(), arrived.itemId(), weight));
            }
        }
        return List.copyOf(increments);
    }

    /**
     * The same for a session given as its events in the order they happened; duplicates and repeated items are
     * allowed.
     */
    public List<PairIncrement> increments(List<SessionEvent> sessionSoFar, SessionEvent arrived) {
        return increments(SessionState.of(Integer.MAX_VALUE, sessionSoFar), arrived);
    }
}
