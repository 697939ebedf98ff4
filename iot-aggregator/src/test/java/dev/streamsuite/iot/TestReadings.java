package dev.streamsuite.iot;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.testsupport.TestInfrastructure;
import java.time.Instant;

/** Readings the integration tests publish to the shared broker, with ids derived from device and time. */
final class TestReadings {

    private TestReadings() {}

    static void publish(String device, double value, Instant at) {
        TestInfrastructure.shared()
                .publish(
                        TopicCatalog.SENSOR_READINGS.name(),
                        device,
                        SensorReading.newBuilder()
                                .setReadingId(device + "-" + at.toEpochMilli())
                                .setDeviceId(device)
                                .setValue(value)
                                .setEventTime(at)
                                .build());
    }
}
