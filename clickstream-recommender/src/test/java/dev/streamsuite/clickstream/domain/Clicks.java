package dev.streamsuite.clickstream.domain;

import java.time.Duration;
import java.time.Instant;

/** Test clicks at whole seconds after {@link #T0}. */
final class Clicks {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration ONE_HOUR = Duration.ofHours(1);
    static final Decay HOURLY = Decay.withHalfLife(ONE_HOUR);
    static final InteractionWeights WEIGHTS = new InteractionWeights(1, 3, 5);

    private Clicks() {}

    /** A shopper without clicks: 20 recent items, 100 purchases remembered. */
    static RecentItems noHistory() {
        return RecentItems.empty(20, 100);
    }

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    static SessionEvent view(String itemId, long secondsAfterT0) {
        return new SessionEvent(itemId, Interaction.VIEW, at(secondsAfterT0));
    }

    static SessionEvent cart(String itemId, long secondsAfterT0) {
        return new SessionEvent(itemId, Interaction.CART, at(secondsAfterT0));
    }

    static SessionEvent purchase(String itemId, long secondsAfterT0) {
        return new SessionEvent(itemId, Interaction.PURCHASE, at(secondsAfterT0));
    }
}
