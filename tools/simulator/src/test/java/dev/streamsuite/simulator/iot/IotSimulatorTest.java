package dev.streamsuite.simulator.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.simulator.GroundTruth;
import dev.streamsuite.simulator.RecordingEmit;
import dev.streamsuite.simulator.iot.IotSimulator.Scenario;
import dev.streamsuite.simulator.iot.IotSimulator.SensorType;
import dev.streamsuite.simulator.iot.IotSimulator.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IotSimulatorTest {

    private static final Instant START = Instant.parse("2025-03-10T08:00:00Z");
    private static final InstantSource WALL = InstantSource.fixed(Instant.parse("2025-03-10T08:00:00.456Z"));
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String READINGS = TopicCatalog.SENSOR_READINGS.name();

    private final RecordingEmit emit = new RecordingEmit();

    private IotSimulator simulator(long seed, int devices, Settings settings) {
        return new IotSimulator(seed, devices, emit, WALL, settings);
    }

    private static Settings quiet() {
        return Settings.defaults().withScenariosPerSecond(0);
    }

    private List<SensorReading> readingsOf(String deviceId) {
        return emit.values(READINGS, SensorReading.class).stream()
                .filter(reading -> reading.getDeviceId().equals(deviceId))
                .toList();
    }

    private Map<String, Device> devices() {
        return emit.values(TopicCatalog.DEVICES.name(), Device.class).stream()
                .collect(Collectors.toMap(Device::getDeviceId, device -> device));
    }

    @Test
    void referenceDataRegistersEveryDeviceWithItsThresholds() {
        IotSimulator simulator = simulator(1, 35, quiet());
        simulator.publishReferenceData();

        Map<String, Device> devices = devices();
        assertThat(devices.keySet()).containsExactlyInAnyOrderElementsOf(simulator.deviceIds());
        assertThat(emit.on(TopicCatalog.DEVICES.name()))
                .allMatch(sent -> sent.key().equals(((Device) sent.value()).getDeviceId()));
        assertThat(devices.values().stream().map(Device::getSiteId).distinct()).hasSize(4);
        for (Device device : devices.values()) {
            assertThat(device.getThresholds().getMaxChangePerMinute()).isNull();
            if (device.getSensorType().equals("temperature")) {
                assertThat(device.getUnit()).isEqualTo("celsius");
                assertThat(device.getThresholds().getLow()).isEqualTo(0.0);
                assertThat(device.getThresholds().getHigh()).isEqualTo(40.0);
            } else {
                assertThat(device.getSensorType()).isEqualTo("humidity");
                assertThat(device.getUnit()).isEqualTo("percent");
                assertThat(device.getThresholds().getLow()).isNull();
                assertThat(device.getThresholds().getHigh()).isEqualTo(90.0);
            }
        }
        assertThat(devices.values().stream().map(Device::getSensorType).distinct())
                .containsExactlyInAnyOrder("temperature", "humidity");
    }

    @Test
    void normalValuesStayWellInsideThresholdsAndPlausibleRangesAllDayLong() {
        IotSimulator simulator = simulator(2, 60, quiet().withReportInterval(Duration.ofMinutes(1)));
        simulator.publishReferenceData();
        RecordingEmit.run(START, START.plus(Duration.ofHours(24)), Duration.ofSeconds(10), simulator);

        Map<String, Device> devices = devices();
        List<SensorReading> readings = emit.values(READINGS, SensorReading.class);
        assertThat(readings).hasSizeGreaterThan(60 * 24 * 60 - 120);
        for (SensorReading reading : readings) {
            Device device = devices.get(reading.getDeviceId());
            SensorType type = SensorType.valueOf(device.getSensorType().toUpperCase(java.util.Locale.ROOT));
            double value = reading.getValue();
            assertThat(value).isBetween(type.plausibleMin(), type.plausibleMax());
            assertThat(value).isLessThan(device.getThresholds().getHigh() - 5);
            if (device.getThresholds().getLow() != null) {
                assertThat(value).isGreaterThan(device.getThresholds().getLow() + 5);
            }
        }
        assertThat(simulator.drainGroundTruth()).isEmpty();
    }

    @Test
    void everyDeviceReportsAtItsInterval() {
        IotSimulator simulator = simulator(3, 20, quiet());
        RecordingEmit.run(START, START.plus(Duration.ofMinutes(10)), SECOND, simulator);

        for (String deviceId : simulator.deviceIds()) {
            List<SensorReading> readings = readingsOf(deviceId);
            assertThat(readings).hasSizeBetween(119, 121);
            for (int i = 1; i < readings.size(); i++) {
                assertThat(Duration.between(
                                readings.get(i - 1).getEventTime(),
                                readings.get(i).getEventTime()))
                        .isEqualTo(Duration.ofSeconds(5));
            }
        }
        assertThat(emit.on(READINGS)).allMatch(sent -> sent.key().equals(((SensorReading) sent.value()).getDeviceId()));
    }

    @Test
    void thresholdHighBreachesForThreeMinutes() {
        IotSimulator simulator = simulator(4, 20, quiet());
        simulator.publishReferenceData();
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofMinutes(2)), SECOND, simulator);
        String id = simulator.startScenario(Scenario.THRESHOLD_HIGH, t).orElseThrow();
        RecordingEmit.run(t.plus(SECOND), t.plus(Duration.ofMinutes(10)), SECOND, simulator);

        GroundTruth truth = simulator.drainGroundTruth().get(0);
        assertThat(truth.scenarioId()).isEqualTo(id);
        assertThat(truth.domain()).isEqualTo("iot");
        assertThat(truth.kind()).isEqualTo("THRESHOLD_HIGH");
        assertThat(truth.sentAt()).isEqualTo(WALL.instant());
        Device device = devices().get(truth.entityId());
        double high = device.getThresholds().getHigh();
        SensorType type = SensorType.valueOf(device.getSensorType().toUpperCase(java.util.Locale.ROOT));

        List<SensorReading> readings = readingsOf(truth.entityId());
        List<SensorReading> breach =
                readings.stream().filter(reading -> reading.getValue() > high).toList();
        assertThat(breach.get(0).getReadingId()).isEqualTo(truth.triggerEventId());
        assertThat(breach.get(0).getEventTime()).isEqualTo(truth.from());
        assertThat(breach)
                .hasSizeBetween(35, 36)
                .allMatch(reading -> reading.getValue() >= high + type.breachOffset() - 1)
                .allMatch(reading -> reading.getValue() < type.plausibleMax());
        Instant lastBreach = breach.get(breach.size() - 1).getEventTime();
        assertThat(Duration.between(truth.from(), lastBreach))
                .isBetween(Duration.ofSeconds(170), Duration.ofMinutes(3));
        assertThat(truth.to()).isEqualTo(t.plus(Duration.ofMinutes(5)));
        assertThat(readings.stream().filter(r -> r.getEventTime().isAfter(lastBreach)))
                .isNotEmpty()
                .allMatch(reading -> reading.getValue() < high - 5);
        assertThat(simulator.scenariosInProgress()).isFalse();
    }

    @Test
    void aSilentDeviceSendsNothingForEightMinutes() {
        IotSimulator simulator = simulator(5, 20, quiet());
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofMinutes(2)), SECOND, simulator);
        simulator.startScenario(Scenario.SILENT_DEVICE, t).orElseThrow();
        assertThat(simulator.scenariosInProgress()).isTrue();
        RecordingEmit.run(t.plus(SECOND), t.plus(Duration.ofMinutes(12)), SECOND, simulator);

        GroundTruth truth = simulator.drainGroundTruth().get(0);
        assertThat(truth.kind()).isEqualTo("SILENT_DEVICE");
        assertThat(truth.triggerEventId()).isNull();
        assertThat(truth.sentAt()).isNull();
        assertThat(truth.to()).isEqualTo(t.plus(Duration.ofMinutes(8)));
        List<SensorReading> readings = readingsOf(truth.entityId());
        SensorReading last = readings.stream()
                .filter(r -> !r.getEventTime().isAfter(truth.from()))
                .max(Comparator.comparing(SensorReading::getEventTime))
                .orElseThrow();
        SensorReading back = readings.stream()
                .filter(r -> r.getEventTime().isAfter(truth.from()))
                .findFirst()
                .orElseThrow();
        assertThat(last.getEventTime()).isEqualTo(truth.from());
        assertThat(back.getEventTime())
                .isAfterOrEqualTo(truth.to())
                .isBefore(truth.to().plusSeconds(6));
        assertThat(Duration.between(last.getEventTime(), back.getEventTime())).isGreaterThan(Duration.ofMinutes(8));
        assertThat(simulator.scenariosInProgress()).isFalse();
    }

    @Test
    void lateReadingsAreTenMinutesOldWhenSent() {
        IotSimulator simulator = simulator(6, 20, quiet());
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofMinutes(15)), SECOND, simulator);
        int before = emit.sent.size();
        simulator.startScenario(Scenario.LATE_READINGS, t).orElseThrow();

        List<SensorReading> late = emit.sent.subList(before, emit.sent.size()).stream()
                .map(sent -> (SensorReading) sent.value())
                .toList();
        GroundTruth truth = simulator.drainGroundTruth().get(0);
        assertThat(truth.kind()).isEqualTo("LATE_READINGS");
        assertThat(truth.expectsAlert()).isFalse();
        assertThat(late).hasSize(5).allMatch(r -> r.getDeviceId().equals(truth.entityId()));
        assertThat(late.get(0).getReadingId()).isEqualTo(truth.triggerEventId());
        assertThat(late.get(0).getEventTime())
                .isEqualTo(t.minus(Duration.ofMinutes(10)))
                .isEqualTo(truth.from());
        assertThat(late.get(4).getEventTime()).isEqualTo(truth.to()).isBefore(t.minus(Duration.ofMinutes(9)));
        assertThat(late).allMatch(r -> r.getValue() > 0 && r.getValue() < 80);
        assertThat(simulator.scenariosInProgress()).isFalse();
    }

    @Test
    void corruptReadingsAreNotANumberImpossibleAndNotAvro() {
        IotSimulator simulator = simulator(7, 20, quiet());
        simulator.publishReferenceData();
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofMinutes(1)), SECOND, simulator);
        int before = emit.sent.size();
        simulator.startScenario(Scenario.CORRUPT_READINGS, t).orElseThrow();

        List<RecordingEmit.Sent> corrupt = emit.sent.subList(before, emit.sent.size());
        GroundTruth truth = simulator.drainGroundTruth().get(0);
        assertThat(truth.kind()).isEqualTo("CORRUPT_READINGS");
        assertThat(devices().get(truth.entityId()).getSensorType()).isEqualTo("temperature");
        assertThat(corrupt)
                .hasSize(3)
                .allMatch(sent -> sent.topic().equals(READINGS) && sent.key().equals(truth.entityId()));
        SensorReading nan = (SensorReading) corrupt.get(0).value();
        assertThat(nan.getValue()).isNaN();
        assertThat(nan.getReadingId()).isEqualTo(truth.triggerEventId());
        assertThat(((SensorReading) corrupt.get(1).value()).getValue()).isEqualTo(500.0);
        byte[] raw = corrupt.get(2).raw();
        assertThat(raw[0]).isNotZero();
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("not an Avro record");
    }

    @Test
    void randomScenariosCoverEveryKindAndNeverOverlapOnADevice() {
        IotSimulator simulator = simulator(8, 50, Settings.defaults().withScenariosPerSecond(0.05));
        simulator.publishReferenceData();
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofHours(1)), SECOND, simulator);
        simulator.stopScenarios();
        while (simulator.scenariosInProgress()) {
            t = t.plus(SECOND);
            simulator.tick(t);
        }

        List<GroundTruth> truths = simulator.drainGroundTruth();
        assertThat(truths.stream().map(GroundTruth::kind).distinct())
                .containsExactlyInAnyOrder("THRESHOLD_HIGH", "SILENT_DEVICE", "LATE_READINGS", "CORRUPT_READINGS");
        assertThat(truths.stream().map(GroundTruth::scenarioId)).doesNotHaveDuplicates();
        Map<String, List<GroundTruth>> byDevice = truths.stream().collect(Collectors.groupingBy(GroundTruth::entityId));
        for (List<GroundTruth> device : byDevice.values()) {
            List<GroundTruth> alerting = device.stream()
                    .filter(GroundTruth::expectsAlert)
                    .sorted(Comparator.comparing(GroundTruth::from))
                    .toList();
            for (int i = 1; i < alerting.size(); i++) {
                assertThat(alerting.get(i).from()).isAfter(alerting.get(i - 1).to());
            }
        }
        // Only breaches leave the thresholds, only corrupt readings are not plausible, silent devices send nothing.
        Map<String, Device> devices = devices();
        for (SensorReading reading : emit.values(READINGS, SensorReading.class)) {
            Device device = devices.get(reading.getDeviceId());
            Instant time = reading.getEventTime();
            List<GroundTruth> ofDevice = byDevice.getOrDefault(reading.getDeviceId(), List.of());
            // A late burst may carry event times from a silence: the device sent what it had buffered.
            boolean late = ofDevice.stream()
                    .anyMatch(
                            g -> g.kind().equals("LATE_READINGS") && !time.isBefore(g.from()) && !time.isAfter(g.to()));
            if (!late) {
                assertThat(ofDevice)
                        .noneMatch(g ->
                                g.kind().equals("SILENT_DEVICE") && time.isAfter(g.from()) && time.isBefore(g.to()));
            }
            double value = reading.getValue();
            boolean outside = Double.isNaN(value)
                    || value > device.getThresholds().getHigh()
                    || (device.getThresholds().getLow() != null
                            && value < device.getThresholds().getLow());
            if (outside) {
                assertThat(ofDevice)
                        .anyMatch(g -> (g.kind().equals("THRESHOLD_HIGH")
                                        && !time.isBefore(g.from())
                                        && time.isBefore(g.to().minus(IotSimulator.BREACH_ALERT_MARGIN)))
                                || (g.kind().equals("CORRUPT_READINGS") && time.equals(g.from())));
            }
        }
    }
}
