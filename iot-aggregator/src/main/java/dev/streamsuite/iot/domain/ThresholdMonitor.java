package dev.streamsuite.iot.domain;

import java.util.Objects;

/**
 * Raises and clears threshold alerts of one device from its window statistics, with hysteresis so that a value
 * hovering around a threshold alerts once instead of on every window.
 *
 * <ul>
 *   <li>HIGH is raised when the window max is strictly above {@code high}, and cleared only when the window max is
 *       strictly below {@code high - band}.
 *   <li>LOW is raised when the window min is strictly below {@code low}, and cleared only when the window min is
 *       strictly above {@code low + band}.
 *   <li>The extremes, not the mean, are compared: a spike that the mean of the window would hide is exactly what a
 *       threshold is there to catch.
 *   <li>Only one alert is active at a time. From NORMAL, a window crossing both thresholds raises HIGH. A window that
 *       crosses the opposite threshold while an alert is active raises the opposite alert directly, without a
 *       CLEARED first, when the active one would have cleared; otherwise the active alert stays.
 *   <li>An active alert whose threshold was removed from the device is cleared.
 * </ul>
 *
 * @param low {@code null} for no low threshold
 * @param high {@code null} for no high threshold
 * @param hysteresis width of the clearing band, in the unit of the sensor, for both thresholds; {@code null} for
 *     {@link #DEFAULT_HYSTERESIS_FRACTION} of the absolute value of each threshold. A threshold of 0 then has no
 *     band, so give an explicit hysteresis for thresholds at or near 0.
 */
public record ThresholdMonitor(Double low, Double high, Double hysteresis) {

    /** 2 %: 0.6 °C at 30 °C, about 20 hPa at 1013 hPa. */
    public static final double DEFAULT_HYSTERESIS_FRACTION = 0.02;

    public ThresholdMonitor {
        if (low != null && !Double.isFinite(low)) {
            throw new IllegalArgumentException("low threshold must be finite, was " + low);
        }
        if (high != null && !Double.isFinite(high)) {
            throw new IllegalArgumentException("high threshold must be finite, was " + high);
        }
        if (low != null && high != null && low > high) {
            throw new IllegalArgumentException("low threshold " + low + " is above high threshold " + high);
        }
        if (hysteresis != null && !(hysteresis >= 0.0 && Double.isFinite(hysteresis))) {
            throw new IllegalArgumentException("hysteresis must be finite and not negative, was " + hysteresis);
        }
    }

    /** Thresholds with the default hysteresis. */
    public static ThresholdMonitor of(Double low, Double high) {
        return new ThresholdMonitor(low, high, null);
    }

    /** The band below {@code high} that the max must fall under to clear; NaN without a high threshold. */
    public double highBand() {
        return high == null ? Double.NaN : bandFor(high);
    }

    /** The band above {@code low} that the min must rise over to clear; NaN without a low threshold. */
    public double lowBand() {
        return low == null ? Double.NaN : bandFor(low);
    }

    /** Judges one window; an empty window says nothing about the device and keeps the state. */
    public ThresholdTransition evaluate(ThresholdState previous, ReadingStats window) {
        Objects.requireNonNull(window, "window");
        if (window.isEmpty()) {
            return ThresholdTransition.unchanged(Objects.requireNonNull(previous, "previous"));
        }
        return evaluate(previous, window.min(), window.max());
    }

    /** Judges one window by its smallest and largest value. */
    public ThresholdTransition evaluate(ThresholdState previous, double windowMin, double windowMax) {
        Objects.requireNonNull(previous, "previous");
        if (!Double.isFinite(windowMin) || !Double.isFinite(windowMax) || windowMin > windowMax) {
            throw new IllegalArgumentException(
                    "window min and max must be finite with min <= max, were " + windowMin + " and " + windowMax);
        }
        boolean aboveHigh = high != null && windowMax > high;
        boolean belowLow = low != null && windowMin < low;
        return switch (previous) {
            case NORMAL ->
                aboveHigh
                        ? raiseHigh(windowMax)
                        : belowLow ? raiseLow(windowMin) : ThresholdTransition.unchanged(ThresholdState.NORMAL);
            case HIGH -> fromHigh(windowMin, windowMax, belowLow);
            case LOW -> fromLow(windowMin, windowMax, aboveHigh);
        };
    }

    private ThresholdTransition fromHigh(double windowMin, double windowMax, boolean belowLow) {
        if (high == null) {
            return ThresholdTransition.to(
                    ThresholdState.NORMAL,
                    new ThresholdEvent(
                            ThresholdEvent.Kind.CLEARED,
                            windowMax,
                            null,
                            "high threshold removed while its alert was active"));
        }
        if (!(windowMax < high - highBand())) {
            return ThresholdTransition.unchanged(ThresholdState.HIGH);
        }
        if (belowLow) {
            return raiseLow(windowMin);
        }
        return ThresholdTransition.to(
                ThresholdState.NORMAL,
                new ThresholdEvent(
                        ThresholdEvent.Kind.CLEARED,
                        windowMax,
                        high,
                        "window max " + NumberText.exact(windowMax) + " is back below the high threshold "
                                + NumberText.exact(high) + " minus hysteresis " + NumberText.rounded(highBand())));
    }

    private ThresholdTransition fromLow(double windowMin, double windowMax, boolean aboveHigh) {
        if (low == null) {
            return ThresholdTransition.to(
                    ThresholdState.NORMAL,
                    new ThresholdEvent(
                            ThresholdEvent.Kind.CLEARED,
                            windowMin,
                            null,
                            "low threshold removed while its alert was active"));
        }
        if (!(windowMin > low + lowBand())) {
            return ThresholdTransition.unchanged(ThresholdState.LOW);
        }
        if (aboveHigh) {
            return raiseHigh(windowMax);
        }
        return ThresholdTransition.to(
                ThresholdState.NORMAL,
                new ThresholdEvent(
                        ThresholdEvent.Kind.CLEARED,
                        windowMin,
                        low,
                        "window min " + NumberText.exact(windowMin) + " is back above the low threshold "
                                + NumberText.exact(low) + " plus hysteresis " + NumberText.rounded(lowBand())));
    }

    private ThresholdTransition raiseHigh(double windowMax) {
        return ThresholdTransition.to(
                ThresholdState.HIGH,
                new ThresholdEvent(
                        ThresholdEvent.Kind.RAISED_HIGH,
                        windowMax,
                        high,
                        "window max " + NumberText.exact(windowMax) + " is above the high threshold "
                                + NumberText.exact(high)));
    }

    private ThresholdTransition raiseLow(double windowMin) {
        return ThresholdTransition.to(
                ThresholdState.LOW,
                new ThresholdEvent(
                        ThresholdEvent.Kind.RAISED_LOW,
                        windowMin,
                        low,
                        "window min " + NumberText.exact(windowMin) + " is below the low threshold "
                                + NumberText.exact(low)));
    }

    private double bandFor(double threshold) {
        return hysteresis != null ? hysteresis : DEFAULT_HYSTERESIS_FRACTION * Math.abs(threshold);
    }
}
