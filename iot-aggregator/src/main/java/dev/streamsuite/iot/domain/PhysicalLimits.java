package dev.streamsuite.iot.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plausible value ranges by sensor type. A reading outside its range is a broken sensor or a corrupted message, not a
 * measurement, and must not reach the statistics or the alerts.
 *
 * @param ranges by sensor type; the types are stored lower-case, and looked up ignoring case
 */
public record PhysicalLimits(Map<String, PlausibleRange> ranges) {

    public PhysicalLimits {
        Map<String, PlausibleRange> normalized = new TreeMap<>();
        ranges.forEach((type, range) -> {
            Objects.requireNonNull(type, "sensor type");
            Objects.requireNonNull(range, "range of " + type);
            if (normalized.put(normalize(type), range) != null) {
                throw new IllegalArgumentException("sensor type " + type + " is given twice (ignoring case)");
            }
        });
        ranges = Map.copyOf(normalized);
    }

    /** These limits with the range of one sensor type added or replaced. */
    public PhysicalLimits with(String sensorType, PlausibleRange range) {
        Map<String, PlausibleRange> changed = new TreeMap<>(ranges);
        changed.put(normalize(sensorType), Objects.requireNonNull(range, "range"));
        return new PhysicalLimits(changed);
    }

    /**
     * The range that applies to a reading of the given sensor type in the given unit: empty for an unknown type, and
     * for a unit other than the range's, because a range in celsius says nothing about a value in fahrenheit.
     *
     * @param sensorType {@code null} when the device is unknown
     * @param unit {@code null} to take the range's unit for granted
     */
    public Optional<PlausibleRange> rangeFor(String sensorType, String unit) {
        if (sensorType == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ranges.get(normalize(sensorType)))
                .filter(range -> unit == null || range.unit().equalsIgnoreCase(unit.strip()));
    }

    private static String normalize(String sensorType) {
        return sensorType.strip().toLowerCase(Locale.ROOT);
    }
}
