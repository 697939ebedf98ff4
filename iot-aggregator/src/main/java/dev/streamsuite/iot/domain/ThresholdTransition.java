package dev.streamsuite.iot.domain;

import java.util.Objects;
import java.util.Optional;

/** The state after one window, and the event if the state changed. */
public record ThresholdTransition(ThresholdState newState, Optional<ThresholdEvent> event) {

    public ThresholdTransition {
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(event, "event");
    }

    static ThresholdTransition unchanged(ThresholdState state) {
        return new ThresholdTransition(state, Optional.empty());
    }

    static ThresholdTransition to(ThresholdState state, ThresholdEvent event) {
        return new ThresholdTransition(state, Optional.of(event));
    }
}
