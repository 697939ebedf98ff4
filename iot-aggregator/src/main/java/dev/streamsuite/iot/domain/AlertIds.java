package dev.streamsuite.iot.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic alert ids, so that a replayed or reprocessed window produces the same alert ids and consumers can
 * drop the duplicates.
 *
 * <p>An id is the name-based (version 3) UUID of a canonical UTF-8 string: a kind tag, then each part as its length
 * in UTF-16 chars, a colon and the part, e.g. {@code device-alert|5:dev-1|14:THRESHOLD_HIGH|13:1767225600000}. The
 * length prefixes keep parts that contain the separator from running into each other. The event time enters as epoch
 * milliseconds, the precision of the Avro {@code timestamp-millis} fields, so that an id can be rebuilt from a stored
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
        return nameUuid("device-alert", deviceId, type, Long.toString(eventTime.toEpochMilli()));
    }

    private static String nameUuid(String kind, String... parts) {
        StringBuilder name = new StringBuilder(kind);
        for (String part : parts) {
            Objects.requireNonNull(part, "id parts must not be null");
            name.append('|').append(part.length()).append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
