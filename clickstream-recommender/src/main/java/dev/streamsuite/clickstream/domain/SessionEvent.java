package dev.streamsuite.clickstream.domain;

import java.time.Instant;
import java.util.Objects;

/** One interaction of a shopper with an item, at its event time. */
public record SessionEvent(String itemId, Interaction interaction, Instant eventTime) {

    public SessionEvent {
        ItemIds.require(itemId);
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}
