package dev.streamsuite.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.TopicSpec;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.iot.DeviceAlertType;
import dev.streamsuite.schemas.iot.Thresholds;
import dev.streamsuite.streams.RegistryAvroSerdes;
import dev.streamsuite.testsupport.RealInfrastructureExtension;
import dev.streamsuite.testsupport.ServiceInstance;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicRange;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A restart changes nothing: input A, a stop, a fresh instance that restores its state from the
 * changelogs, input B; then an uninterrupted run of A and B under another application id. The
 * committed outputs of both runs are equal, ids and values (presence alerts aside: silence is
 * judged on the wall clock).
 */
@ExtendWith(RealInfrastructureExtension.class)
class IotRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /**
     * Readings are stamped from the next minute on: a run that processes both topics from the
     * beginning takes the records of a partition in order of their timestamps, so the device
     * registrations (stamped when produced, like those of other tests before) must come first.
     */
    private static final Instant L =
            Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    /**
     * All on one input partition: the uninterrupted run works off a backlog, and site windows of
     * devices on different partitions can differ between a backlog and live traffic when the
     * partitions drift apart by more than {@code iot.site-grace} (see the README). That is not
     * what this test is about. A partition the other classes' devices keep off: the readings here are
     * stamped ahead of theirs, and would make theirs late in a run that reads the topic from the start.
     */
    static final int PARTITION = 2;

    private static final List<String> DEVICES =
            ServiceInstance.keysOnPartition("rd-", PARTITION, TopicCatalog.SENSOR_READINGS.partitions(), 4);

    private static final List<TopicSpec<?>> OUTPUTS = List.of(
            TopicCatalog.DEVICE_AGGREGATES,
            TopicCatalog.SITE_AGGREGATES,
            TopicCatalog.DEVICE_ALERTS,
            TopicCatalog.LATE_READINGS);

    private final RegistryAvroSerdes serdes = TestInfrastructure.shared().serdes();

    @Test
    void aRunWithARestartPublishesExactlyWhatAnUninterruptedRunPublishes() {
        String interrupted = "iot-restart-interrupted-" + UUID.randomUUID();
        Map<String, Map<TopicPartition, Long>> before;
        // The service creates the topics at start-up.
        try (var instance = start(interrupted)) {
            before = marks();
            DEVICES.forEach(this::register);
            // Time first, then device: the devices share a partition, and so its clock.
            DEVICES.forEach(device -> TestReadings.publish(device, 20.0, L.plusSeconds(10)));
            DEVICES.forEach(device ->
                    TestReadings.publish(device, device.equals(DEVICES.get(0)) ? 35.0 : 21.0, L.plusSeconds(40)));
            DEVICES.forEach(device -> TestReadings.publish(device, 22.0, L.plusSeconds(70)));
            DEVICES.forEach(device -> TestReadings.publish(device, 23.0, L.plusSeconds(100)));
            awaitConsumed(interrupted);
        }

        // A fresh instance restores its state. First a reading that was late before the restart
        // (its window closed at L+90s).
        try (var instance = start(interrupted)) {
            DEVICES.forEach(device -> TestReadings.publish(device, 99.0, L.plusSeconds(30)));
            DEVICES.forEach(device -> TestReadings.publish(device, 24.0, L.plusSeconds(130)));
            DEVICES.forEach(device ->
                    TestReadings.publish(device, device.equals(DEVICES.get(0)) ? 20.0 : 25.0, L.plusSeconds(190)));
            DEVICES.forEach(device -> TestReadings.publish(device, 26.0, L.plus(Duration.ofMinutes(20))));
            // Closes the devices' windows of minute 20, which move the site windows' clock past the
            // end and grace of the site windows with readings.
            DEVICES.forEach(device -> TestReadings.publish(device, 27.0, L.plus(Duration.ofMinutes(22))));
            awaitConsumed(interrupted);
        }
        var between = marks();

        String oneRun = "iot-restart-uninterrupted-" + UUID.randomUUID();
        try (var instance = start(oneRun)) {
            awaitConsumed(oneRun);
        }
        var after = marks();

        for (var topic : OUTPUTS) {
            var withRestart = outputs(topic, before, between);
            var uninterrupted = outputs(topic, between, after);
            assertThat(withRestart).as(topic.name()).isEqualTo(uninterrupted);
        }
        assertThat(outputs(TopicCatalog.LATE_READINGS, before, between))
                .as("the reading late before the restart is late after it")
                .hasSize(DEVICES.size());
        assertThat(outputs(TopicCatalog.DEVICE_AGGREGATES, before, between))
                .as("every device's closed windows")
                .hasSizeGreaterThanOrEqualTo(4 * DEVICES.size());
        assertThat(outputs(TopicCatalog.SITE_AGGREGATES, before, between))
                .as("the site's closed windows")
                .isNotEmpty();
        assertThat(outputs(TopicCatalog.DEVICE_ALERTS, before, between))
                .anyMatch(alert -> alert.contains("THRESHOLD_HIGH"))
                .anyMatch(alert -> alert.contains("THRESHOLD_CLEARED"));
    }

    private static ServiceInstance start(String applicationId) {
        return ServiceInstance.startRunning(
                IotAggregatorApplication.class, "--spring.kafka.streams.application-id=" + applicationId);
    }

    /** The readings, and then the device windows the readings' tasks passed on to the site windows. */
    private static void awaitConsumed(String applicationId) {
        var kafka = TestInfrastructure.shared().kafka();
        kafka.awaitConsumed(applicationId, TopicCatalog.SENSOR_READINGS.name(), PATIENCE);
        kafka.awaitConsumed(applicationId, applicationId + "-device-windows-by-site-repartition", PATIENCE);
    }

    private static Map<String, Map<TopicPartition, Long>> marks() {
        var marks = new java.util.HashMap<String, Map<TopicPartition, Long>>();
        for (var topic : OUTPUTS) {
            marks.put(topic.name(), TopicRange.mark(bootstrapServers(), topic.name()));
        }
        return marks;
    }

    /** This test's records in the range, as sorted "key value" lines; presence alerts left out. */
    @SuppressWarnings("unchecked")
    private List<String> outputs(
            TopicSpec<?> topic,
            Map<String, Map<TopicPartition, Long>> from,
            Map<String, Map<TopicPartition, Long>> to) {
        var lines = new ArrayList<String>();
        for (var record : TopicRange.read(
                bootstrapServers(),
                from.get(topic.name()),
                to.get(topic.name()),
                Serdes.String().deserializer(),
                serdes.valueSerde((Class<SpecificRecord>) topic.valueType()).deserializer(),
                PATIENCE)) {
            Object value = record.value();
            boolean mine = DEVICES.contains(record.key()) || "restart-site".equals(record.key());
            boolean presence = value instanceof DeviceAlert alert
                    && (alert.getType() == DeviceAlertType.SILENT_DEVICE
                            || alert.getType() == DeviceAlertType.BACK_ONLINE);
            if (mine && !presence) {
                lines.add(record.key() + " " + value);
            }
        }
        lines.sort(null);
        return lines;
    }

    private void register(String device) {
        TestInfrastructure.shared()
                .publish(
                        TopicCatalog.DEVICES.name(),
                        device,
                        Device.newBuilder()
                                .setDeviceId(device)
                                .setSiteId("restart-site")
                                .setSensorType("temperature")
                                .setUnit("celsius")
                                .setThresholds(new Thresholds(null, 30.0, null))
                                .setUpdatedAt(L)
                                .build());
    }

    private static String bootstrapServers() {
        return TestInfrastructure.shared().kafka().bootstrapServers();
    }
}
