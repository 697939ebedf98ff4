package dev.streamsuite.iot.api;

import dev.streamsuite.schemas.iot.WindowedAggregate;
import java.time.Instant;
import java.util.List;

/** JSON answers of the query endpoints. */
record AggregatesView(String deviceId, Instant from, Instant to, List<AggregateView> windows) {}

record AggregateView(
        Instant windowStart,
        Instant windowEnd,
        boolean closed,
        String siteId,
        String sensorType,
        boolean knownDevice,
        long count,
        double min,
        double max,
        double mean,
        double stdDev,
        double first,
        double last) {

    static AggregateView of(WindowedAggregate aggregate, boolean closed) {
        return new AggregateView(
                aggregate.getWindow().getStart(),
                aggregate.getWindow().getEnd(),
                closed,
                aggregate.getSiteId(),
                aggregate.getSensorType(),
                aggregate.getKnownDevice(),
                aggregate.getCount(),
                aggregate.getMin(),
                aggregate.getMax(),
                aggregate.getMean(),
                aggregate.getStdDev(),
                aggregate.getFirst(),
                aggregate.getLast());
    }
}

record LatestView(String deviceId, String siteId, String readingId, double value, Instant eventTime, boolean silent) {}
