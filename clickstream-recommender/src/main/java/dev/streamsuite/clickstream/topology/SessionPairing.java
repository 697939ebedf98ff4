package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.PairIncrement;
import dev.streamsuite.clickstream.domain.SessionPairs;
import dev.streamsuite.clickstream.domain.SessionState;
import dev.streamsuite.streams.StoreSweep;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each shopper's open session (its {@code max-items-per-session} most recent distinct items) and forwards
 * the co-occurrence increments a click adds, one record per item they are for, keyed by that item.
 *
 * <p>A click joins the open session when it lies within {@code session-gap} of it: no more than the gap after its
 * newest click and no more than the gap before its oldest remembered one, so clicks out of order within a session
 * pair as in order. A click more than the gap after the newest opens a new session. A click more than the gap before
 * the open session belongs to one that is no longer kept: it is paired with nothing and counted in
 * {@code session-late-click-total}; so is a click whose session would have ended {@code session-gap} +
 * {@code session-grace} before the partition's stream time.
 *
 * <p>One read and one write of the shopper's session per click (the store is not cached: {@link
 * RecommenderTopology#addTo}); the increments are forwarded here, as they arise. Every {@code sweep-interval} of
 * stream time the next {@code sweep-batch} sessions are looked at and those no click can join any more are deleted.
 */
final class SessionPairing implements Processor<String, Click, String, List<PairIncrement>> {

    private final RecommenderSettings settings;
    private final SessionPairs pairs;
    private final long gap;
    private final long grace;
    private ProcessorContext<String, List<PairIncrement>> context;
    private KeyValueStore<String, SessionState> sessions;
    private Sensor lateClicks;

    SessionPairing(RecommenderSettings settings) {
        this.settings = settings;
        this.pairs = new SessionPairs(settings.weights(), settings.maxItemsPerSession());
        this.gap = settings.sessionGap().toMillis();
        this.grace = settings.sessionGrace().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, List<PairIncrement>> context) {
        this.context = context;
        this.sessions = context.getStateStore(RecommenderTopology.OPEN_SESSIONS_STORE);
        this.lateClicks = context.metrics()
                .addRateTotalSensor("clickstream", "clicks", "session-late-click", Sensor.RecordingLevel.INFO);
        var sweep = new StoreSweep<SessionState>(sessions, settings.sweepBatch());
        context.schedule(
                settings.sweepInterval(),
                PunctuationType.STREAM_TIME,
                streamTime -> sweep.sweep((user, session) -> newest(session) + gap + grace < streamTime));
    }

    @Override
    public void process(Record<String, Click> record) {
        Click click = record.value();
        long at = click.event().eventTime().toEpochMilli();
        if (at + gap + grace < context.currentStreamTimeMs()) {
            lateClicks.record();
            return;
        }
        SessionState open = sessions.get(click.userId());
        if (open != null && !open.items().isEmpty()) {
            if (at > newest(open) + gap) {
                open = null;
            } else if (at < oldest(open) - gap) {
                lateClicks.record();
                return;
            }
        }
        if (open == null) {
            open = SessionState.empty(settings.maxItemsPerSession());
        }
        var increments = pairs.increments(open, click.event());
        sessions.put(click.userId(), open.with(click.event()));
        ItemIncrements.byItem(increments)
                .forEach((item, forItem) -> context.forward(record.withKey(item).withValue(forItem)));
    }

    /** The session's newest click; an empty session (never stored) counts as long ended. */
    private static long newest(SessionState session) {
        return session.lastEventTime().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE / 2);
    }

    private static long oldest(SessionState session) {
        return session.items().get(session.items().size() - 1).lastAt().toEpochMilli();
    }
}
