package dev.streamsuite.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time, which drives windows, expiry and decay, taken from the records themselves and
 * guarded: one record stamped far in the future would advance its partition's stream time and
 * make everything after it look late.
 *
 * <p>The guard compares a record's event time with its Kafka timestamp (when it was produced,
 * or appended), never with this instance's clock: both are part of the record, so a replay
 * decides exactly as the first run did.
 */
public final class EventTimes {

    /** How far ahead of its Kafka timestamp an event may claim to be (clock skew between producers). */
    public static final Duration MAX_AHEAD = Duration.ofHours(1);

    private EventTimes() {}

    /**
     * A timestamp extractor that makes a record's event time its stream time, unless the event
     * time is missing, before 1970 or more than {@link #MAX_AHEAD} ahead of the record's Kafka
     * timestamp: then the Kafka timestamp stands, and {@link #requirePlausible} rejects the record.
     */
    public static <V> TimestampExtractor extractor(Class<V> type, Function<V, Instant> eventTime) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventTime, "eventTime");
        return (ConsumerRecord<Object, Object> record, long partitionTime) -> {
            if (type.isInstance(record.value())) {
                Instant time = eventTime.apply(type.cast(record.value()));
                if (time != null && time.toEpochMilli() >= 0 && !aheadOf(time, record.timestamp())) {
                    return time.toEpochMilli();
                }
            }
            return record.timestamp();
        };
    }

    /**
     * Rejects a missing or pre-1970 event time, and one the {@link #extractor} refused, as invalid
     * input.
     *
     * @param recordTimestamp the record's timestamp as the extractor left it
     */
    public static Instant requirePlausible(Instant eventTime, long recordTimestamp, String what) {
        if (eventTime == null || eventTime.toEpochMilli() < 0) {
            throw new InvalidRecordException(what + ": eventTime " + eventTime + " is missing or before 1970.");
        }
        if (eventTime.toEpochMilli() != recordTimestamp && aheadOf(eventTime, recordTimestamp)) {
            throw new InvalidRecordException(what + ": eventTime " + eventTime + " is more than " + MAX_AHEAD
                    + " ahead of when the record was produced (its Kafka timestamp "
                    + Instant.ofEpochMilli(recordTimestamp) + "); check the producer's clock.");
        }
        return eventTime;
    }

    private static boolean aheadOf(Instant eventTime, long recordTimestamp) {
        return recordTimestamp >= 0 && eventTime.toEpochMilli() - recordTimestamp > MAX_AHEAD.toMillis();
    }
}
