package dev.streamsuite.benchmarks;

import dev.streamsuite.iot.IotAggregatorApplication;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.schemas.iot.Thresholds;
import java.time.Instant;
import java.util.Random;

/** iot-aggregator's throughput. Usage: {@code IotAggregatorThroughput [readings] [devices]}. */
public final class IotAggregatorThroughput {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static final java.util.List<String> TOPICS =
            java.util.List.of(TopicCatalog.SENSOR_READINGS.name(), TopicCatalog.DEVICES.name());

    private IotAggregatorThroughput() {}

    public static void main(String[] args) throws Exception {
        int readings = ServiceBenchmark.intArg(args, 0, 300_000);
        int devices = ServiceBenchmark.intArg(args, 1, 2_000);
        String topic = TopicCatalog.SENSOR_READINGS.name();
        ServiceBenchmark.run(
                "iot-aggregator", IotAggregatorApplication.class, topic, TOPICS, readings, "readings", publisher -> {
                    var random = new Random(42);
                    for (int d = 0; d < devices; d++) {
                        publisher.send(
                                TopicCatalog.DEVICES.name(),
                                "dev-" + d,
                                Device.newBuilder()
                                        .setDeviceId("dev-" + d)
                                        .setSiteId("site-" + (d % 50))
                                        .setSensorType("temperature")
                                        .setUnit("celsius")
                                        .setThresholds(new Thresholds(-5.0, 35.0, 5.0))
                                        .setUpdatedAt(T0)
                                        .build());
                    }
                    // Each device reports every 10 s; readings of all devices advance together in event time.
                    for (int i = 0; i < readings; i++) {
                        int device = i % devices;
                        long tick = i / devices;
                        publisher.send(
                                topic,
                                "dev-" + device,
                                SensorReading.newBuilder()
                                        .setReadingId("r-" + i)
                                        .setDeviceId("dev-" + device)
                                        .setValue(20 + 5 * Math.sin(tick / 30.0) + random.nextGaussian())
                                        .setEventTime(T0.plusSeconds(tick * 10))
                                        .build());
                    }
                });
    }
}
