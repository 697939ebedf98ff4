package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.domain.ReadingValidation;
import dev.streamsuite.iot.domain.WindowMath;
import dev.streamsuite.iot.state.EnrichedReading;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.streams.EventTimes;
import dev.streamsuite.streams.InvalidRecordException;
import dev.streamsuite.streams.KeyPlacement;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * Validates each reading against its device (from the devices table), enriches it with the
 * device's site and sensor type, and marks it late when its window closed already: the
 * windowed aggregation would drop it silently, so it goes to the late-readings topic instead
 * and is counted in {@code late-reading-total}.
 */
final class ReadingIngest implements FixedKeyProcessor<String, SensorReading, Ingested> {

    private final IotSettings settings;
    private final ReadingValidation validator;
    private FixedKeyProcessorContext<String, Ingested> context;
    private KeyPlacement keyPlacement;
    private TimestampedKeyValueStore<String, Device> devices;
    private ReadingClock clock;
    private Sensor lateReadings;

    ReadingIngest(IotSettings settings) {
        this.settings = settings;
        this.validator = new ReadingValidation(settings.physicalLimits());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Ingested> context) {
        this.context = context;
        this.keyPlacement = KeyPlacement.of(context);
        this.devices = context.getStateStore(IotTopology.DEVICES_STORE);
        this.clock = new ReadingClock(context.getStateStore(IotTopology.READING_CLOCK_STORE));
        this.lateReadings = context.metrics()
                .addRateTotalSensor(
                        "iot", "readings", "late-reading", org.apache.kafka.common.metrics.Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<String, SensorReading> record) {
        keyPlacement.check(record.key());
        SensorReading reading = record.value();
        if (reading == null) {
            throw new InvalidRecordException("A reading record needs a value; tombstones are not readings.");
        }
        var stored = devices.get(reading.getDeviceId() == null ? "" : reading.getDeviceId());
        Device device = stored == null ? null : stored.value();
        String sensorType = device == null ? null : device.getSensorType();
        String unit = device == null ? null : device.getUnit();
        validator
                .rejectionReason(reading.getDeviceId(), reading.getValue(), sensorType, unit)
                .ifPresent(reason -> {
                    throw new InvalidRecordException("Reading " + reading.getReadingId() + ": " + reason);
                });
        InvalidRecordException.requireKeyIs(
                record.key(), "deviceId", reading.getDeviceId(), "Reading " + reading.getReadingId(), null);
        if (reading.getReadingId() == null || reading.getReadingId().isBlank()) {
            throw new InvalidRecordException("A reading needs a readingId; it is empty.");
        }
        EventTimes.requirePlausible(reading.getEventTime(), record.timestamp(), "Reading " + reading.getReadingId());

        var enriched = EnrichedReading.newBuilder()
                .setReadingId(reading.getReadingId())
                .setDeviceId(reading.getDeviceId())
                .setValue(reading.getValue())
                .setEventTime(reading.getEventTime().toEpochMilli())
                .setSiteId(device == null ? null : device.getSiteId())
                .setSensorType(sensorType)
                .setUnit(unit)
                .setKnownDevice(device != null)
                .build();
        long windowEnd = WindowMath.windowStart(reading.getEventTime(), settings.windowSize())
                .plus(settings.windowSize())
                .toEpochMilli();
        // A window closes once the newest reading time seen passed its end plus grace. The task's stream
        // time would not do: it also advances with devices-table updates, which carry wall-clock
        // timestamps.
        long observedReadingTime = clock.advance(record.timestamp());
        boolean late = windowEnd + settings.grace().toMillis() <= observedReadingTime;
        if (late) {
            lateReadings.record();
        }
        context.forward(record.withValue(new Ingested(enriched, late)));
    }
}
