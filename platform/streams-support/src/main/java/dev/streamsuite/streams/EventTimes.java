package dev.streamsuite.streams;

import java.time.Duration;
import java.time.Instant;

/**
 * Guards event time, which drives windows, expiry and decay: one record stamped far in the
 * future would advance its partition's stream time and make everything after it look late.
 */
public final class EventTimes {

    /** How far ahead of this instance's clock an event may claim to be (clock skew between producers). */
    public static final Duration MAX_AHEAD = Duration.ofHours(1);

    private EventTimes() {}

    /** Rejects a missing, pre-1970 or future event time as invalid input. */
    public static Instant requirePlausible(Instant eventTime, long nowMs, String what) {
        if (eventTime == null || eventTime.toEpochMilli() < 0) {
            throw new InvalidRecordException(what + ": eventTime " + eventTime + " is missing or before 1970.");
        }
        Instant latest = Instant.ofEpochMilli(nowMs).plus(MAX_AHEAD);
        if (eventTime.isAfter(latest)) {
            throw new InvalidRecordException(what + ": eventTime " + eventTime + " is more than " + MAX_AHEAD
                    + " ahead of this service's clock (" + Instant.ofEpochMilli(nowMs)
                    + "); check the producer's clock.");
        }
        return eventTime;
    }
}
