package dev.streamsuite.iot.domain;

import dev.streamsuite.streams.DeterministicIds;
import java.time.Instant;
import java.util.Objects;

/**
 * The ids of iot-aggregator's alerts, built as {@link DeterministicIds} describes, e.g. from
 * {@code device-alert|5:dev-1|14:THRESHOLD_HIGH|13:1767225600000}, so that a replayed or reprocessed window produces
 * the same alert ids and consumers can drop the duplicates. The event time enters as epoch milliseconds, the precision of the Avro {@code timestamp-millis} fields, so that an id can be rebuilt from a stored
 * alert; instants within the same millisecond give the same id.
 */
public final class AlertIds {

    private AlertIds() {}

    /**
     * The id of the alert of the given type that the given event time raised for a device.
     *
     * @param type the alert type, e.g. {@code THRESHOLD_HIGH}
     */
    public static String deviceAlertId(String deviceId, String type, Instant eventTime) {
        Objects.requireNonNull(eventTime, "eventTime");
        return DeterministicIds.of("device-alert", deviceId, type, Long.toString(eventTime.toEpochMilli()));
    }
}
