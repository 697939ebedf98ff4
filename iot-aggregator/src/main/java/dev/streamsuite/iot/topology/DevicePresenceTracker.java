package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.domain.AlertIds;
import dev.streamsuite.iot.domain.DevicePresence;
import dev.streamsuite.iot.domain.PresenceState;
import dev.streamsuite.iot.domain.SilenceDetector;
import dev.streamsuite.iot.domain.SilenceEvent;
import dev.streamsuite.iot.state.DeviceMonitorState;
import dev.streamsuite.iot.state.DevicePresenceState;
import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.iot.DeviceAlertType;
import dev.streamsuite.streams.StoreSweep;
import java.time.Instant;
import java.util.ArrayList;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Remembers when each device was last heard of and its latest reading. A wall-clock
 * punctuator reports devices that went silent: silence is the absence of input, so it cannot
 * wait for the next record. The next reading of a silent device reports it back online. A
 * device silent for {@code forgetAfter} is forgotten (its presence and its alert monitors), so
 * device ids that never return do not stay forever.
 *
 * <p>The punctuator does not read every device. Each device has one entry in an index of
 * deadlines (the store {@link IotTopology#PRESENCE_DEADLINES_STORE}), under
 * {@code <deadline bucket>|<device>}: when an online device goes silent, or when a silent one is
 * forgotten. Buckets are {@code silenceCheckInterval} wide, so a device reading often moves its
 * entry once per interval, not once per reading. A check reads the entries of buckets that have
 * begun, in order, at most {@code silenceCheckBatch} of them, so its work (inside one transaction)
 * does not grow with the number of devices.
 */
final class DevicePresenceTracker implements Processor<String, Ingested, String, DeviceAlert> {

    /** Sorts after every deadline key, so no check reads it: set once the index covers every device. */
    private static final String INDEXED = "~indexed";

    private final IotSettings settings;
    private final SilenceDetector detector;
    private final long bucketMs;
    private ProcessorContext<String, DeviceAlert> context;
    private KeyValueStore<String, DevicePresenceState> presence;
    private KeyValueStore<String, Long> deadlines;
    private KeyValueStore<String, DeviceMonitorState> monitors;
    /** Indexes devices a state written before the index existed holds; null once none can be missing. */
    private StoreSweep<DevicePresenceState> backfill;

    DevicePresenceTracker(IotSettings settings) {
        this.settings = settings;
        this.detector = new SilenceDetector(settings.silentAfter());
        this.bucketMs = settings.silenceCheckInterval().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, DeviceAlert> context) {
        this.context = context;
        this.presence = context.getStateStore(IotTopology.PRESENCE_STORE);
        this.deadlines = context.getStateStore(IotTopology.PRESENCE_DEADLINES_STORE);
        this.monitors = context.getStateStore(IotTopology.MONITOR_STORE);
        this.backfill =
                deadlines.get(INDEXED) == null ? new StoreSweep<>(presence, settings.silenceCheckBatch()) : null;
        context.schedule(settings.silenceCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkDeadlines);
    }

    @Override
    public void process(Record<String, Ingested> record) {
        var reading = record.value().reading();
        String deviceId = reading.getDeviceId();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        DevicePresenceState previous = presence.get(deviceId);
        var latest = previous == null || reading.getEventTime() >= previous.getLatestEventTime() ? reading : null;
        var updated = DevicePresenceState.newBuilder()
                .setLastSeen(now.toEpochMilli())
                .setSilent(false)
                .setSiteId(reading.getSiteId())
                .setLatestReadingId(latest != null ? latest.getReadingId() : previous.getLatestReadingId())
                .setLatestValue(latest != null ? latest.getValue() : previous.getLatestValue())
                .setLatestEventTime(latest != null ? latest.getEventTime() : previous.getLatestEventTime())
                .build();
        presence.put(deviceId, updated);
        moveDeadline(deviceId, previous, updated);
        if (previous != null) {
            detector.onReading(toPresence(previous), now)
                    .event()
                    .ifPresent(event -> context.forward(new Record<>(
                            deviceId,
                            alert(deviceId, reading.getSiteId(), event, Instant.ofEpochMilli(reading.getEventTime())),
                            event.eventTime().toEpochMilli())));
        }
    }

    private void checkDeadlines(long wallClockMs) {
        if (backfill != null) {
            backfill.sweep((deviceId, state) -> {
                deadlines.put(deadlineKey(deviceId, state), deadline(state));
                return false;
            });
            if (backfill.reachedTheEnd()) {
                deadlines.put(INDEXED, wallClockMs);
                backfill = null;
            }
        }
        Instant now = Instant.ofEpochMilli(wallClockMs);
        var due = new ArrayList<String>();
        // Every key of a bucket that has begun sorts before this one ('}' follows '|').
        String end = hex16(bucketOf(wallClockMs)) + "}";
        try (var scan = deadlines.range(null, end)) {
            while (due.size() < settings.silenceCheckBatch() && scan.hasNext()) {
                due.add(scan.next().key);
            }
        }
        due.forEach(key -> check(key, key.substring(key.indexOf('|') + 1), now));
    }

    /** Acts on the device whose deadline entry is {@code key} if its deadline has come. */
    private void check(String key, String deviceId, Instant now) {
        DevicePresenceState state = presence.get(deviceId);
        if (state == null || !key.equals(deadlineKey(deviceId, state))) {
            // Left behind by a state written before it was moved; the device's own entry is elsewhere.
            deadlines.delete(key);
            return;
        }
        if (now.toEpochMilli() < deadline(state)) {
            return;
        }
        if (state.getSilent()) {
            deadlines.delete(key);
            presence.delete(deviceId);
            monitors.delete(deviceId);
            return;
        }
        detector.check(toPresence(state), now).event().ifPresent(event -> {
            var silent = DevicePresenceState.newBuilder(state).setSilent(true).build();
            presence.put(deviceId, silent);
            moveDeadline(deviceId, state, silent);
            context.forward(new Record<>(
                    deviceId,
                    alert(deviceId, silent.getSiteId(), event, Instant.ofEpochMilli(silent.getLatestEventTime())),
                    event.eventTime().toEpochMilli()));
        });
    }

    private void moveDeadline(String deviceId, DevicePresenceState previous, DevicePresenceState updated) {
        String key = deadlineKey(deviceId, updated);
        String previousKey = previous == null ? null : deadlineKey(deviceId, previous);
        if (!key.equals(previousKey)) {
            if (previousKey != null) {
                deadlines.delete(previousKey);
            }
            deadlines.put(key, deadline(updated));
        }
    }

    /** When the device goes silent, or, silent, when it is forgotten (epoch ms, wall clock). */
    private long deadline(DevicePresenceState state) {
        var after = state.getSilent() ? settings.forgetAfter() : settings.silentAfter();
        return state.getLastSeen() + after.toMillis();
    }

    /** Computed twice per reading: by concatenation, as String.format took 7% of the stream thread. */
    private String deadlineKey(String deviceId, DevicePresenceState state) {
        return hex16(bucketOf(deadline(state))) + "|" + deviceId;
    }

    /** Sixteen lower-case hex digits, zero-padded, so that keys sort by time. */
    static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }

    private long bucketOf(long epochMs) {
        return Math.floorDiv(epochMs, bucketMs) * bucketMs;
    }

    private static DevicePresence toPresence(DevicePresenceState state) {
        return new DevicePresence(
                Instant.ofEpochMilli(state.getLastSeen()),
                state.getSilent() ? PresenceState.SILENT : PresenceState.ONLINE);
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
