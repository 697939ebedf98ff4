package dev.streamsuite.iot.domain;

import java.util.Objects;
import java.util.Optional;

/** Decides whether a reading may be aggregated, and says why not. */
public record ReadingValidation(PhysicalLimits limits) {

    public ReadingValidation {
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Why the reading must be rejected, or empty when it is acceptable. Checks, in this order: the device id is not
     * blank, the value is a finite number, and the value lies within the plausible range of the sensor type (both
     * ends inclusive). A reading of an unknown sensor type, or in a unit the limits have no range for, only needs a
     * finite value.
     *
     * @param sensorType from the device registry; {@code null} when the device is not registered
     * @param unit from the device registry; {@code null} to assume the unit of the limits
     */
    public Optional<String> rejectionReason(String deviceId, double value, String sensorType, String unit) {
        if (deviceId == null || deviceId.isBlank()) {
            return Optional.of("device id is missing or blank");
        }
        if (Double.isNaN(value)) {
            return Optional.of("value is NaN, not a number");
        }
        if (Double.isInfinite(value)) {
            return Optional.of("value is " + (value > 0 ? "+" : "-") + "infinity, not a finite number");
        }
        return limits.rangeFor(sensorType, unit)
                .filter(range -> !range.contains(value))
                .map(range -> sensorType.strip() + " " + NumberText.exact(value) + " " + range.unit()
                        + " is physically impossible, the plausible range is " + range);
    }

    public boolean isAcceptable(String deviceId, double value, String sensorType, String unit) {
        return rejectionReason(deviceId, value, sensorType, unit).isEmpty();
    }
}
