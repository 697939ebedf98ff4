package dev.streamsuite.iot.api;

import dev.streamsuite.iot.state.DevicePresenceState;
import dev.streamsuite.iot.state.WindowState;
import dev.streamsuite.iot.topology.IotSettings;
import dev.streamsuite.iot.topology.IotTopology;
import dev.streamsuite.iot.topology.WindowStates;
import dev.streamsuite.schemas.iot.AggregateScope;
import dev.streamsuite.streams.query.StoreQueries;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-device queries answered from the window and presence stores. Any instance answers:
 * a key owned by another instance is forwarded there (see {@link StoreQueries}).
 */
@RestController
class DeviceQueryController {

    private static final Duration DEFAULT_RANGE = Duration.ofHours(1);

    private final StreamsBuilderFactoryBean streams;
    private final StoreQueries queries;
    private final Duration windowSize;
    private final Duration grace;

    DeviceQueryController(StreamsBuilderFactoryBean streams, StoreQueries queries, IotSettings settings) {
        this.streams = streams;
        this.queries = queries;
        this.windowSize = settings.windowSize();
        this.grace = settings.grace();
    }

    /**
     * Window statistics of the device whose windows start within [from, to]; default the last
     * hour. {@code closed} tells a final result (the window closed: it will not change) from a
     * window still open.
     */
    @GetMapping("/devices/{deviceId}/aggregates")
    ResponseEntity<?> aggregates(
            @PathVariable String deviceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            HttpServletRequest request) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
        if (start.isAfter(end)) {
            return StoreQueries.badRequest("'from' must not be after 'to'");
        }
        return queries.answer(IotTopology.DEVICE_WINDOWS_STORE, deviceId, request, partition -> {
            var kafkaStreams = streams.getKafkaStreams();
            var store = kafkaStreams.store(StoreQueryParameters.fromNameAndType(
                            IotTopology.DEVICE_WINDOWS_STORE, QueryableStoreTypes.<String, WindowState>windowStore())
                    .withPartition(partition));
            Long newestReading = kafkaStreams
                    .store(StoreQueryParameters.fromNameAndType(
                                    IotTopology.READING_CLOCK_STORE, QueryableStoreTypes.<String, Long>keyValueStore())
                            .withPartition(partition))
                    .get(IotTopology.NEWEST_READING_TIME);
            var windows = new ArrayList<AggregateView>();
            try (var iterator = store.fetch(deviceId, start, end)) {
                iterator.forEachRemaining(window -> {
                    Instant windowStart = Instant.ofEpochMilli(window.key);
                    Instant windowEnd = windowStart.plus(windowSize);
                    boolean closed =
                            newestReading != null && windowEnd.plus(grace).toEpochMilli() <= newestReading;
                    windows.add(AggregateView.of(
                            WindowStates.toAggregate(
                                    AggregateScope.DEVICE, deviceId, windowStart, windowEnd, window.value),
                            closed));
                });
            }
            return new AggregatesView(deviceId, start, end, List.copyOf(windows));
        });
    }

    /** The device's latest reading by event time, and whether it is currently silent. */
    @GetMapping("/devices/{deviceId}/latest")
    ResponseEntity<?> latest(@PathVariable String deviceId, HttpServletRequest request) {
        return queries.answer(IotTopology.PRESENCE_STORE, deviceId, request, partition -> {
            DevicePresenceState presence = streams.getKafkaStreams()
                    .store(StoreQueryParameters.fromNameAndType(
                                    IotTopology.PRESENCE_STORE,
                                    QueryableStoreTypes.<String, DevicePresenceState>keyValueStore())
                            .withPartition(partition))
                    .get(deviceId);
            if (presence == null) {
                return StoreQueries.notFound("No reading of device '" + deviceId + "' is known.");
            }
            return new LatestView(
                    deviceId,
                    presence.getSiteId(),
                    presence.getLatestReadingId(),
                    presence.getLatestValue(),
                    Instant.ofEpochMilli(presence.getLatestEventTime()),
                    presence.getSilent());
        });
    }
}
