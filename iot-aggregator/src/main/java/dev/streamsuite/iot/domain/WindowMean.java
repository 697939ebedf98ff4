package dev.streamsuite.iot.domain;

import java.time.Instant;
import java.util.Objects;

/** The mean of one window, placed in time by the window's start. */
public record WindowMean(Instant windowStart, double mean) {

    public WindowMean {
        Objects.requireNonNull(windowStart, "windowStart");
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, was " + mean);
        }
    }
}
