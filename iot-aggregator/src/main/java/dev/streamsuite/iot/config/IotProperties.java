package dev.streamsuite.iot.config;

import dev.streamsuite.iot.telemetry.PhysicalLimits;
import dev.streamsuite.iot.telemetry.PlausibleRange;
import dev.streamsuite.iot.topology.IotSettings;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code iot.*} in application.yml. Defaults equal {@link IotSettings#DEFAULTS} (a test keeps
 * them equal); a bad value stops the service at start-up with a message naming the key.
 *
 * @param limits extra or replaced plausible ranges per sensor type, e.g.
 *     {@code iot.limits.vibration: {min: 0, max: 200, unit: mm/s}}
 */
@ConfigurationProperties("iot")
public record IotProperties(
        @DefaultValue("1m") Duration windowSize,
        @DefaultValue("30s") Duration grace,
        @DefaultValue("5m") Duration siteWindowSize,
        @DefaultValue("1m") Duration siteWindowAdvance,
        @DefaultValue("10m") Duration siteGrace,
        @DefaultValue("1d") Duration retention,
        @DefaultValue("5m") Duration silentAfter,
        @DefaultValue("30s") Duration silenceCheckInterval,
        Double hysteresis,
        @DefaultValue Map<String, PlausibleRange> limits) {

    public IotSettings toSettings() {
        var physical = PhysicalLimits.defaults();
        for (var entry : limits.entrySet()) {
            physical = physical.with(entry.getKey(), entry.getValue());
        }
        return new IotSettings(
                windowSize,
                grace,
                siteWindowSize,
                siteWindowAdvance,
                siteGrace,
                retention,
                silentAfter,
                silenceCheckInterval,
                hysteresis,
                physical);
    }
}
