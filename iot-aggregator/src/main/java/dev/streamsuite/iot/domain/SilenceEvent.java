package dev.streamsuite.iot.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A device went silent or came back.
 *
 * @param lastSeen when the device was last seen before the silence
 * @param eventTime for {@link Kind#WENT_SILENT} {@code lastSeen + silentAfter}, the moment the silence reached the
 *     limit, whenever the check ran, so that a re-run produces the same event; for {@link Kind#BACK_ONLINE} the time
 *     of the reading that ended the silence
 * @param reason for a human: what happened, with the figures
 */
public record SilenceEvent(Kind kind, Instant lastSeen, Instant eventTime, String reason) {

    public enum Kind {
        WENT_SILENT,
        BACK_ONLINE
    }

    public SilenceEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(reason, "reason");
        if (eventTime.isBefore(lastSeen)) {
            throw new IllegalArgumentException("eventTime " + eventTime + " is before lastSeen " + lastSeen);
        }
    }

    /** How long the device had been silent at {@link #eventTime()}. */
    public Duration silence() {
        return Duration.between(lastSeen, eventTime);
    }
}
