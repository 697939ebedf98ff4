package dev.streamsuite.iot.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the {@link SilenceDetector} remembers about a device between calls.
 *
 * @param lastSeen the latest time the device was seen, on the caller's time line (event time or arrival time)
 */
public record DevicePresence(Instant lastSeen, PresenceState state) {

    public DevicePresence {
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(state, "state");
    }

    /** A device seen for the first time. */
    public static DevicePresence online(Instant lastSeen) {
        return new DevicePresence(lastSeen, PresenceState.ONLINE);
    }
}
