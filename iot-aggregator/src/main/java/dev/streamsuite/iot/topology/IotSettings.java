package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.domain.PhysicalLimits;
import dev.streamsuite.iot.domain.PlausibleRange;
import dev.streamsuite.streams.SettingChecks;
import java.time.Duration;
import java.util.Map;

/**
 * Business settings of the iot-aggregator, bound from {@code iot.*} in application.yml, the one
 * place their values live. Values are checked here, so a bad one stops the service at start-up
 * with a message naming the key.
 *
 * @param windowSize tumbling window of the per-device statistics
 * @param grace how late (event time) a reading may arrive and still count in its window
 * @param siteWindowSize size of the per-site hopping windows; a whole number of {@code windowSize},
 *     since site windows add up closed device windows
 * @param siteWindowAdvance advance of the per-site hopping windows; a whole number of
 *     {@code windowSize}, for the same reason
 * @param siteGrace how late (event time) a closed device window may reach its site's windows;
 *     larger than {@code grace}, since site windows come after a repartition, where the input
 *     partitions' windows meet and a partition that runs ahead (a backlog) makes the others' look
 *     late
 * @param retention how long window statistics stay queryable over HTTP
 * @param silentAfter a device without readings this long (wall clock) is reported silent
 * @param silenceCheckInterval how often (wall clock) devices are checked for silence
 * @param silenceCheckBatch devices one check acts on at most (per task), so its work is bounded
 * @param forgetAfter a device silent this long (wall clock) is forgotten: its presence and alert
 *     state are deleted, and its next reading starts afresh
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
        int silenceCheckBatch,
        Duration forgetAfter,
        Double hysteresis,
        Map<String, PlausibleRange> limits) {

    public IotSettings {
        SettingChecks.requirePositive("iot.window-size", windowSize);
        SettingChecks.requireNotNegative("iot.grace", grace);
        SettingChecks.requirePositive("iot.site-window-size", siteWindowSize);
        SettingChecks.requirePositive("iot.site-window-advance", siteWindowAdvance);
        if (siteWindowAdvance.compareTo(siteWindowSize) > 0) {
            throw new IllegalArgumentException("iot.site-window-advance (" + siteWindowAdvance
                    + ") must not exceed iot.site-window-size (" + siteWindowSize + ")");
        }
        String whole = "site windows add up whole device windows";
        SettingChecks.requireWholeMultiple(
                "iot.site-window-size", siteWindowSize, "iot.window-size", windowSize, whole);
        SettingChecks.requireWholeMultiple(
                "iot.site-window-advance", siteWindowAdvance, "iot.window-size", windowSize, whole);
        SettingChecks.requireSet("iot.site-grace", siteGrace);
        if (siteGrace.compareTo(grace) < 0) {
            throw new IllegalArgumentException(
                    "iot.site-grace (" + siteGrace + ") must be at least iot.grace (" + grace + ")");
        }
        SettingChecks.requirePositive("iot.retention", retention);
        if (retention.compareTo(siteWindowSize.plus(siteGrace)) < 0
                || retention.compareTo(windowSize.plus(grace)) < 0) {
            throw new IllegalArgumentException(
                    "iot.retention (" + retention + ") must cover the largest window plus the grace period");
        }
        SettingChecks.requirePositive("iot.silent-after", silentAfter);
        SettingChecks.requirePositive("iot.silence-check-interval", silenceCheckInterval);
        SettingChecks.requireAtLeast("iot.silence-check-batch", silenceCheckBatch, 1);
        SettingChecks.requirePositive("iot.forget-after", forgetAfter);
        if (hysteresis != null && !(hysteresis >= 0)) {
            throw new IllegalArgumentException("iot.hysteresis must be zero or positive, was " + hysteresis);
        }
        limits = physicalLimits(limits).ranges();
    }

    public PhysicalLimits physicalLimits() {
        return physicalLimits(limits);
    }

    private static PhysicalLimits physicalLimits(Map<String, PlausibleRange> limits) {
        SettingChecks.requireSet("iot.limits", limits);
        return new PhysicalLimits(limits);
    }
}
