package dev.streamsuite.iot.api;

import dev.streamsuite.iot.config.IotProperties;
import dev.streamsuite.iot.state.DevicePresenceState;
import dev.streamsuite.iot.state.WindowState;
import dev.streamsuite.iot.topology.IotTopology;
import dev.streamsuite.iot.topology.WindowStates;
import dev.streamsuite.schemas.iot.AggregateScope;
import dev.streamsuite.streams.autoconfigure.StoreQueries;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
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

    DeviceQueryController(StreamsBuilderFactoryBean streams, StoreQueries queries, IotProperties properties) {
        this.streams = streams;
        this.queries = queries;
        this.windowSize = properties.windowSize();
    }

    /** Window statistics of the device whose windows start within [from, to]; default the last hour. */
    @GetMapping("/devices/{deviceId}/aggregates")
    ResponseEntity<?> aggregates(
            @PathVariable String deviceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestHeader(name = StoreQueries.FORWARDED_HEADER, required = false) String forwarded,
            HttpServletRequest request) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
        if (start.isAfter(end)) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .body(new StoreQueries.Unavailable("bad-request", "'from' must not be after 'to'"));
        }
        return queries.answer(
                IotTopology.DEVICE_WINDOWS_STORE, deviceId, pathAndQuery(request), forwarded != null, () -> {
                    var store = streams.getKafkaStreams()
                            .store(StoreQueryParameters.fromNameAndType(
                                    IotTopology.DEVICE_WINDOWS_STORE,
                                    QueryableStoreTypes.<String, WindowState>windowStore()));
                    var windows = new ArrayList<AggregateView>();
                    try (var iterator = store.fetch(deviceId, start, end)) {
                        iterator.forEachRemaining(window -> windows.add(AggregateView.of(WindowStates.toAggregate(
                                AggregateScope.DEVICE,
                                deviceId,
                                Instant.ofEpochMilli(window.key),
                                Instant.ofEpochMilli(window.key).plus(windowSize),
                                window.value))));
                    }
                    return new AggregatesView(deviceId, start, end, List.copyOf(windows));
                });
    }

    /** The device's latest reading by event time, and whether it is currently silent. */
    @GetMapping("/devices/{deviceId}/latest")
    ResponseEntity<?> latest(
            @PathVariable String deviceId,
            @RequestHeader(name = StoreQueries.FORWARDED_HEADER, required = false) String forwarded,
            HttpServletRequest request) {
        return queries.answer(IotTopology.PRESENCE_STORE, deviceId, pathAndQuery(request), forwarded != null, () -> {
            DevicePresenceState presence = streams.getKafkaStreams()
                    .store(StoreQueryParameters.fromNameAndType(
                            IotTopology.PRESENCE_STORE,
                            QueryableStoreTypes.<String, DevicePresenceState>keyValueStore()))
                    .get(deviceId);
            if (presence == null) {
                throw new DeviceNotFound(deviceId);
            }
            return new LatestView(
                    deviceId,
                    presence.getSiteId(),
                    presence.getLatestReadingId(),
                    presence.getLatestValue(),
                    presence.getLatestEventTime(),
                    presence.getSilent());
        });
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }
}
