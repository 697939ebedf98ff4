package dev.streamsuite.iot.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of comparing two windows.
 *
 * @param armed whether the next window over the limit may alert; keep it for the next call
 */
public record RateOfChangeResult(boolean armed, Optional<RateOfChangeEvent> event) {

    public RateOfChangeResult {
        Objects.requireNonNull(event, "event");
    }
}
