package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.state.WindowState;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Lets through to the site windows only the closed device windows none of whose site windows has
 * closed, and counts the readings of the others in {@code late-site-reading-total}; they are in
 * their device's statistics all the same. A site window has closed once the newest device window
 * seen on this task's partition of the repartition topic ({@link SiteContribution}: stamped with
 * its last millisecond) passed its end plus {@code iot.site-grace}. That time is kept in a
 * changelogged store, so a restart cannot reopen a window whose final result went out (the
 * windowed aggregation's own clock is in memory).
 */
final class SiteLateness implements FixedKeyProcessor<String, WindowState, WindowState> {

    private final long advance;
    private final long grace;
    private FixedKeyProcessorContext<String, WindowState> context;
    private ReadingClock clock;
    private Sensor lateSiteReadings;

    SiteLateness(IotSettings settings) {
        this.advance = settings.siteWindowAdvance().toMillis();
        this.grace = settings.siteGrace().toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, WindowState> context) {
        this.context = context;
        this.clock = new ReadingClock(context.getStateStore(IotTopology.SITE_CLOCK_STORE));
        this.lateSiteReadings = context.metrics()
                .addRateTotalSensor("iot", "readings", "late-site-reading", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<String, WindowState> record) {
        long observed = clock.advance(record.timestamp());
        // The oldest hopping window containing the device window closes first: it ends one advance
        // after the start of the newest one.
        long oldestWindowEnd = Math.floorDiv(record.timestamp(), advance) * advance + advance;
        if (oldestWindowEnd + grace <= observed) {
            // The sensor counts recordings, not values: one per reading, as when readings came here.
            for (long reading = 0; reading < record.value().getCount(); reading++) {
                lateSiteReadings.record();
            }
            return;
        }
        context.forward(record);
    }
}
