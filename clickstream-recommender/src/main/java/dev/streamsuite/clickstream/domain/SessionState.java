package dev.streamsuite.clickstream.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The distinct items of one shopping session, most recent first, each with its strongest interaction. Bounded by
 * {@code capacity} so that a very long session (or a bot) costs constant space; the oldest items are forgotten.
 *
 * @param items most recent first by event time; distinct items; at most {@code capacity}
 */
public record SessionState(int capacity, List<ItemInteraction> items) {

    public SessionState {
        items = RecencyList.canonical(items, capacity);
    }

    public static SessionState empty(int capacity) {
        return new SessionState(capacity, List.of());
    }

    /** The state after the given events, folded in the order given. */
    public static SessionState of(int capacity, List<SessionEvent> events) {
        SessionState state = empty(capacity);
        for (SessionEvent event : events) {
            state = state.with(event);
        }
        return state;
    }

    public SessionState with(SessionEvent event) {
        return new SessionState(capacity, RecencyList.with(items, event, capacity));
    }

    public Optional<ItemInteraction> find(String itemId) {
        return items.stream().filter(item -> item.itemId().equals(itemId)).findFirst();
    }

    public Optional<Instant> lastEventTime() {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0).lastAt());
    }
}
