package dev.streamsuite.simulator;

import java.time.Duration;
import java.util.Objects;

/** Argument checks of the settings records. */
public final class Checks {

    private Checks() {}

    public static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    public static void requireRate(double perSecond, String name) {
        if (!(perSecond >= 0.0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException(name + " must be a finite number of at least 0, was " + perSecond);
        }
    }
}
