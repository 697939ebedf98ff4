package dev.streamsuite.iot.api;

import dev.streamsuite.schemas.iot.WindowedAggregate;
import java.time.Instant;

/** One window of a device, as the query endpoints show it. */
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
