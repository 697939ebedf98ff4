package dev.streamsuite.clickstream.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What is remembered about one item in a session or a shopper's history: the strongest interaction so far and the
 * event time of the latest one.
 */
public record ItemInteraction(String itemId, Interaction strongest, Instant lastAt) {

    public ItemInteraction {
        ItemIds.require(itemId);
        Objects.requireNonNull(strongest, "strongest");
        Objects.requireNonNull(lastAt, "lastAt");
    }

    public static ItemInteraction of(SessionEvent event) {
        return new ItemInteraction(event.itemId(), event.interaction(), event.eventTime());
    }

    /** Folds in another event for the same item; a late event can strengthen the item but not make it older. */
    public ItemInteraction with(SessionEvent event) {
        if (!event.itemId().equals(itemId)) {
            throw new IllegalArgumentException("event is for " + event.itemId() + ", not " + itemId);
        }
        Instant latest = event.eventTime().isAfter(lastAt) ? event.eventTime() : lastAt;
        return new ItemInteraction(itemId, strongest.strongest(event.interaction()), latest);
    }
}
