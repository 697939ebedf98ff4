package dev.streamsuite.iot.telemetry;

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

    private static final PhysicalLimits DEFAULTS = new PhysicalLimits(Map.of(
            // Below the coldest and above the hottest air temperature measured on Earth, with room for industrial
            // sensors in freezers and ovens.
            "temperature", new PlausibleRange(-90.0, 150.0, "celsius"),
            "humidity", new PlausibleRange(0.0, 100.0, "percent"),
            // About the air pressure on top of Mount Everest up to a strong high at sea level, with a margin.
            "pressure", new PlausibleRange(300.0, 1100.0, "hPa"),
            // Outdoor air has about 420 ppm; 50000 ppm is far beyond what is survivable.
            "co2", new PlausibleRange(0.0, 50_000.0, "ppm")));

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

    /** temperature -90..150 celsius, humidity 0..100 percent, pressure 300..1100 hPa, co2 0..50000 ppm. */
    public static PhysicalLimits defaults() {
        return DEFAULTS;
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
