package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.telemetry.PhysicalLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Business settings of the iot-aggregator.
 *
 * @param windowSize tumbling window of the per-device statistics
 * @param grace how late (event time) a reading may arrive and still count in its window
 * @param siteWindowSize size of the per-site hopping windows
 * @param siteWindowAdvance advance of the per-site hopping windows
 * @param siteGrace how late (event time) a reading may reach its site's windows; larger than
 *     {@code grace}, since site windows come after a repartition, where the input partitions'
 *     readings meet and a partition that runs ahead (a backlog) makes the others' look late
 * @param retention how long window statistics stay queryable over HTTP
 * @param silentAfter a device without readings this long (wall clock) is reported silent
 * @param silenceCheckInterval how often (wall clock) devices are checked for silence
 * @param hysteresis band a value must fall back below a threshold by before the alert clears;
 *     null means 2% of the threshold
 * @param limits physically possible values per sensor type; others are invalid input
 */
public record IotSettings(
        Duration windowSize,
        Duration grace,
        Duration siteWindowSize,
        Duration siteWindowAdvance,
        Duration siteGrace,
        Duration retention,
        Duration silentAfter,
        Duration silenceCheckInterval,
        Double hysteresis,
        PhysicalLimits limits) {

    public static final IotSettings DEFAULTS = new IotSettings(
            Duration.ofMinutes(1),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofMinutes(1),
            Duration.ofMinutes(10),
            Duration.ofDays(1),
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            null,
            PhysicalLimits.defaults());

    public IotSettings {
        positive("iot.window-size", windowSize);
        Objects.requireNonNull(grace, "iot.grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("iot.grace must not be negative, was " + grace);
        }
        positive("iot.site-window-size", siteWindowSize);
        positive("iot.site-window-advance", siteWindowAdvance);
        if (siteWindowAdvance.compareTo(siteWindowSize) > 0) {
            throw new IllegalArgumentException("iot.site-window-advance (" + siteWindowAdvance
                    + ") must not exceed iot.site-window-size (" + siteWindowSize + ")");
        }
        Objects.requireNonNull(siteGrace, "iot.site-grace");
        if (siteGrace.compareTo(grace) < 0) {
            throw new IllegalArgumentException(
                    "iot.site-grace (" + siteGrace + ") must be at least iot.grace (" + grace + ")");
        }
        positive("iot.retention", retention);
        if (retention.compareTo(siteWindowSize.plus(siteGrace)) < 0
                || retention.compareTo(windowSize.plus(grace)) < 0) {
            throw new IllegalArgumentException(
                    "iot.retention (" + retention + ") must cover the largest window plus the grace period");
        }
        positive("iot.silent-after", silentAfter);
        positive("iot.silence-check-interval", silenceCheckInterval);
        if (hysteresis != null && !(hysteresis >= 0)) {
            throw new IllegalArgumentException("iot.hysteresis must be zero or positive, was " + hysteresis);
        }
        Objects.requireNonNull(limits, "limits");
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + value);
        }
    }
}
