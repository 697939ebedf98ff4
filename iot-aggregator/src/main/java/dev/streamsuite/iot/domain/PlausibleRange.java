package dev.streamsuite.iot.domain;

import java.util.Objects;

/**
 * The values a sensor type can physically report, both ends inclusive.
 *
 * @param unit the unit the range is given in, e.g. {@code celsius}; compared ignoring case
 */
public record PlausibleRange(double min, double max, String unit) {

    public PlausibleRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("range must be finite with min <= max, was " + min + ".." + max);
        }
        Objects.requireNonNull(unit, "unit");
        if (unit.isBlank()) {
            throw new IllegalArgumentException("unit must not be blank");
        }
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return NumberText.exact(min) + ".." + NumberText.exact(max) + " " + unit;
    }
}
