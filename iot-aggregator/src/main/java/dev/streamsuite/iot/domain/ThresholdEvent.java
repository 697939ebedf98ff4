package dev.streamsuite.iot.domain;

import java.util.Objects;

/**
 * A threshold alert was raised or cleared.
 *
 * @param observed the window figure compared: the max for the high threshold, the min for the low one
 * @param threshold the threshold crossed or cleared; {@code null} only for {@link Kind#CLEARED} because the threshold
 *     was removed while its alert was active
 * @param reason for a human: what happened, with the figures
 */
public record ThresholdEvent(Kind kind, double observed, Double threshold, String reason) {

    public enum Kind {
        RAISED_HIGH,
        RAISED_LOW,
        /** The active alert, high or low, is over and the device is back to {@link ThresholdState#NORMAL}. */
        CLEARED
    }

    public ThresholdEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (threshold == null && kind != Kind.CLEARED) {
            throw new IllegalArgumentException("a raised alert needs its threshold");
        }
    }
}
