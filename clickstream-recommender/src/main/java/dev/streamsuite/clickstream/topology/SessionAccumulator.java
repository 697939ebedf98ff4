package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.PairIncrement;
import dev.streamsuite.clickstream.domain.SessionPairs;
import dev.streamsuite.clickstream.domain.SessionState;
import java.util.List;

/**
 * The aggregate of one session window: the session's items so far, and the co-occurrence
 * increments the latest click produced, which the topology forwards to the items' owners.
 */
record SessionAccumulator(SessionState session, List<PairIncrement> pending) {

    static SessionAccumulator empty(int capacity) {
        return new SessionAccumulator(SessionState.empty(capacity), List.of());
    }

    SessionAccumulator add(Click click, SessionPairs pairs) {
        return new SessionAccumulator(session.with(click.event()), pairs.increments(session, click.event()));
    }

    /**
     * Two sessions joined by a late click. Their items are combined; pairs between them are
     * not credited (rare, and crediting them would need the full click history).
     */
    SessionAccumulator merge(SessionAccumulator other) {
        var merged = session;
        for (var item : other.session().items()) {
            merged = merged.with(new dev.streamsuite.clickstream.domain.SessionEvent(
                    item.itemId(), item.strongest(), item.lastAt()));
        }
        return new SessionAccumulator(merged, List.of());
    }
}
