package dev.streamsuite.iot.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Alerts when the mean of a device's readings moves faster than is plausible between consecutive windows, e.g. a
 * sensor coming loose or a door left open.
 *
 * <p>The rate is {@code |currentMean - previousMean|} divided by the minutes between the two window starts, so that
 * a gap of missing windows spreads the change over the time that really passed. It fires when strictly above the
 * limit. After firing the monitor is disarmed: a change that goes on for several windows alerts once, and the monitor
 * re-arms on the first window whose rate is within the limit.
 *
 * @param maxChangePerMinute the device's limit, in the sensor's unit per minute; {@code null} disables the monitor
 */
public record RateOfChangeMonitor(Double maxChangePerMinute) {

    private static final double NANOS_PER_MINUTE = 60e9;

    public RateOfChangeMonitor {
        if (maxChangePerMinute != null && !(maxChangePerMinute >= 0.0 && Double.isFinite(maxChangePerMinute))) {
            throw new IllegalArgumentException(
                    "maxChangePerMinute must be finite and not negative, was " + maxChangePerMinute);
        }
    }

    /**
     * Compares a window with the one before it.
     *
     * @param armed as returned for the previous window; {@code true} for a device's first window
     * @param previous {@code null} when the device has no earlier window, which never alerts
     * @param current must start after {@code previous}
     */
    public RateOfChangeResult evaluate(boolean armed, WindowMean previous, WindowMean current) {
        Objects.requireNonNull(current, "current");
        if (previous != null) {
            requireInOrder(previous, current);
        }
        if (maxChangePerMinute == null) {
            // Armed, so that a limit configured later alerts on its first breach.
            return new RateOfChangeResult(true, Optional.empty());
        }
        if (previous == null) {
            return new RateOfChangeResult(armed, Optional.empty());
        }
        double rate = ratePerMinute(previous, current);
        if (rate <= maxChangePerMinute) {
            return new RateOfChangeResult(true, Optional.empty());
        }
        if (!armed) {
            return new RateOfChangeResult(false, Optional.empty());
        }
        return new RateOfChangeResult(
                false,
                Optional.of(new RateOfChangeEvent(
                        rate,
                        maxChangePerMinute,
                        "window mean changed from " + NumberText.rounded(previous.mean()) + " to "
                                + NumberText.rounded(current.mean()) + " at " + NumberText.rounded(rate)
                                + " per minute, above the limit of " + NumberText.exact(maxChangePerMinute)
                                + " per minute")));
    }

    /** Absolute change of the mean per minute between the starts of two windows; {@code current} starts later. */
    public static double ratePerMinute(WindowMean previous, WindowMean current) {
        requireInOrder(previous, current);
        Duration between = Duration.between(previous.windowStart(), current.windowStart());
        double minutes = between.getSeconds() / 60.0 + between.getNano() / NANOS_PER_MINUTE;
        return Math.abs(current.mean() - previous.mean()) / minutes;
    }

    private static void requireInOrder(WindowMean previous, WindowMean current) {
        if (!current.windowStart().isAfter(previous.windowStart())) {
            throw new IllegalArgumentException("current window start " + current.windowStart()
                    + " is not after previous window start " + previous.windowStart());
        }
    }
}
