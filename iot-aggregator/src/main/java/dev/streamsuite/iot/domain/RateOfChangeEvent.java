package dev.streamsuite.iot.domain;

import java.util.Objects;

/**
 * The window mean changed faster than the device's limit.
 *
 * @param ratePerMinute absolute change of the mean per minute between the two windows
 * @param limit the device's {@code maxChangePerMinute}
 * @param reason for a human: what happened, with the figures
 */
public record RateOfChangeEvent(double ratePerMinute, double limit, String reason) {

    public RateOfChangeEvent {
        Objects.requireNonNull(reason, "reason");
    }
}
