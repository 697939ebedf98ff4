package dev.streamsuite.iot.domain;

import java.util.Objects;
import java.util.Optional;

/** The presence to remember after a check or a reading, and the event if the device went silent or came back. */
public record SilenceTransition(DevicePresence presence, Optional<SilenceEvent> event) {

    public SilenceTransition {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(event, "event");
    }
}
