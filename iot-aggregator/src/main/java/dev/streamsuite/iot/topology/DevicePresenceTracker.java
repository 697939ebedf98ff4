package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.domain.AlertIds;
import dev.streamsuite.iot.domain.DevicePresence;
import dev.streamsuite.iot.domain.PresenceState;
import dev.streamsuite.iot.domain.SilenceDetector;
import dev.streamsuite.iot.domain.SilenceEvent;
import dev.streamsuite.iot.state.DevicePresenceState;
import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.iot.DeviceAlertType;
import java.time.Instant;
import java.util.ArrayList;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Remembers when each device was last heard of and its latest reading. A wall-clock
 * punctuator reports devices that went silent: silence is the absence of input, so it cannot
 * wait for the next record. The next reading of a silent device reports it back online.
 */
final class DevicePresenceTracker implements Processor<String, Ingested, String, DeviceAlert> {

    private final IotSettings settings;
    private final SilenceDetector detector;
    private ProcessorContext<String, DeviceAlert> context;
    private KeyValueStore<String, DevicePresenceState> presence;

    DevicePresenceTracker(IotSettings settings) {
        this.settings = settings;
        this.detector = new SilenceDetector(settings.silentAfter());
    }

    @Override
    public void init(ProcessorContext<String, DeviceAlert> context) {
        this.context = context;
        this.presence = context.getStateStore(IotTopology.PRESENCE_STORE);
        context.schedule(settings.silenceCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::reportSilentDevices);
    }

    @Override
    public void process(Record<String, Ingested> record) {
        var reading = record.value().reading();
        String deviceId = reading.getDeviceId();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        DevicePresenceState previous = presence.get(deviceId);
        var latest =
                previous == null || !reading.getEventTime().isBefore(previous.getLatestEventTime()) ? reading : null;
        var updated = DevicePresenceState.newBuilder()
                .setLastSeen(now)
                .setSilent(false)
                .setSiteId(reading.getSiteId())
                .setLatestReadingId(latest != null ? latest.getReadingId() : previous.getLatestReadingId())
                .setLatestValue(latest != null ? latest.getValue() : previous.getLatestValue())
                .setLatestEventTime(latest != null ? latest.getEventTime() : previous.getLatestEventTime())
                .build();
        presence.put(deviceId, updated);
        if (previous != null) {
            detector.onReading(toPresence(previous), now)
                    .event()
                    .ifPresent(event -> context.forward(new Record<>(
                            deviceId,
                            alert(deviceId, reading.getSiteId(), event, reading.getEventTime()),
                            event.eventTime().toEpochMilli())));
        }
    }

    private void reportSilentDevices(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        var wentSilent = new ArrayList<KeyValue<String, DevicePresenceState>>();
        try (var all = presence.all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.getSilent()) {
                    wentSilent.add(entry);
                }
            });
        }
        for (var entry : wentSilent) {
            var transition = detector.check(toPresence(entry.value), now);
            transition.event().ifPresent(event -> {
                var state = DevicePresenceState.newBuilder(entry.value)
                        .setSilent(true)
                        .build();
                presence.put(entry.key, state);
                context.forward(new Record<>(
                        entry.key,
                        alert(entry.key, state.getSiteId(), event, state.getLatestEventTime()),
                        event.eventTime().toEpochMilli()));
            });
        }
    }

    private static DevicePresence toPresence(DevicePresenceState state) {
        return new DevicePresence(state.getLastSeen(), state.getSilent() ? PresenceState.SILENT : PresenceState.ONLINE);
    }

    /**
     * Silence is judged on the wall clock, but the alert's id comes from the data: a silence is
     * named after the device's latest reading before it, a return after the reading that ended
     * it. A replay names the same episode the same way.
     */
    private static DeviceAlert alert(String deviceId, String siteId, SilenceEvent event, Instant readingTime) {
        var type = event.kind() == SilenceEvent.Kind.WENT_SILENT
                ? DeviceAlertType.SILENT_DEVICE
                : DeviceAlertType.BACK_ONLINE;
        return DeviceAlert.newBuilder()
                .setAlertId(AlertIds.deviceAlertId(deviceId, type.name(), readingTime))
                .setDeviceId(deviceId)
                .setSiteId(siteId)
                .setType(type)
                .setValue(null)
                .setThreshold(null)
                .setReason(event.reason())
                .setWindow(null)
                .setEventTime(event.eventTime())
                .build();
    }
}
