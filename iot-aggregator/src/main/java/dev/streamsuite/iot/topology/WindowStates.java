package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.domain.ReadingStats;
import dev.streamsuite.iot.state.EnrichedReading;
import dev.streamsuite.iot.state.WindowState;
import dev.streamsuite.schemas.common.TimeWindow;
import dev.streamsuite.schemas.iot.AggregateScope;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import java.time.Instant;

/** Maps window statistics between the telemetry logic, the state store and the output. */
public final class WindowStates {

    private WindowStates() {}

    static dev.streamsuite.schemas.iot.SensorReading originalOf(Ingested ingested) {
        var reading = ingested.reading();
        return new dev.streamsuite.schemas.iot.SensorReading(
                reading.getReadingId(),
                reading.getDeviceId(),
                reading.getValue(),
                Instant.ofEpochMilli(reading.getEventTime()));
    }

    static WindowState empty() {
        return toState(ReadingStats.empty(), null, null, false);
    }

    static WindowState add(EnrichedReading reading, WindowState state) {
        var stats = toStats(state).add(reading.getValue(), Instant.ofEpochMilli(reading.getEventTime()));
        return toState(stats, reading.getSiteId(), reading.getSensorType(), reading.getKnownDevice());
    }

    /** Adds a closed device window to a site window: the site's statistics as if of its readings. */
    static WindowState merge(WindowState deviceWindow, WindowState siteWindow) {
        var stats = toStats(siteWindow).merge(toStats(deviceWindow));
        return toState(stats, deviceWindow.getSiteId(), deviceWindow.getSensorType(), deviceWindow.getKnownDevice());
    }

    public static ReadingStats toStats(WindowState state) {
        return new ReadingStats(
                state.getCount(),
                state.getMean(),
                state.getM2(),
                state.getMin(),
                state.getMax(),
                state.getFirst(),
                instant(state.getFirstTime()),
                state.getLast(),
                instant(state.getLastTime()));
    }

    private static WindowState toState(ReadingStats stats, String siteId, String sensorType, boolean known) {
        return WindowState.newBuilder()
                .setCount(stats.count())
                .setMean(stats.mean())
                .setM2(stats.m2())
                .setMin(stats.min())
                .setMax(stats.max())
                .setFirst(stats.first())
                .setFirstTime(epochMilli(stats.firstTime()))
                .setLast(stats.last())
                .setLastTime(epochMilli(stats.lastTime()))
                .setSiteId(siteId)
                .setSensorType(sensorType)
                .setKnownDevice(known)
                .build();
    }

    private static Instant instant(Long epochMilli) {
        return epochMilli == null ? null : Instant.ofEpochMilli(epochMilli);
    }

    private static Long epochMilli(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    public static WindowedAggregate toAggregate(
            AggregateScope scope, String subject, Instant start, Instant end, WindowState state) {
        var stats = toStats(state);
        return WindowedAggregate.newBuilder()
                .setAggregateId(
                        scope == AggregateScope.SITE
                                ? scope + "|" + subject + "|" + state.getSensorType() + "|" + start.toEpochMilli()
                                : scope + "|" + subject + "|" + start.toEpochMilli())
                .setScope(scope)
                .setDeviceId(scope == AggregateScope.DEVICE ? subject : null)
                .setSiteId(scope == AggregateScope.SITE ? subject : state.getSiteId())
                .setSensorType(state.getSensorType())
                .setKnownDevice(state.getKnownDevice())
                .setWindow(new TimeWindow(start, end))
                .setCount(stats.count())
                .setMin(stats.min())
                .setMax(stats.max())
                .setMean(stats.mean())
                .setStdDev(stats.stdDev())
                .setFirst(stats.first())
                .setLast(stats.last())
                .build();
    }
}
