package dev.streamsuite.simulator.cli;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.simulator.evaluation.ObservedAlert;
import dev.streamsuite.streams.RegistryAvroSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the services' alerts as a downstream consumer would ({@code read_committed}), from the
 * moment the simulation starts, noting when each arrived for the latency figures.
 */
final class AlertCollector implements AutoCloseable {

    private final List<ObservedAlert> alerts = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    AlertCollector(String bootstrapServers, String registryUrl) {
        var serdes = new RegistryAvroSerdes(registryUrl, false, Map.of());
        var fraud = serdes.valueSerde(FraudAlert.class).deserializer();
        var device = serdes.valueSerde(DeviceAlert.class).deserializer();
        var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "simulator-evaluator-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        var partitions = new ArrayList<TopicPartition>();
        for (String topic : List.of(TopicCatalog.FRAUD_ALERTS.name(), TopicCatalog.DEVICE_ALERTS.name())) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(
                () -> {
                    try (consumer) {
                        while (running.get()) {
                            for (var record : consumer.poll(Duration.ofMillis(200))) {
                                Instant now = Instant.now();
                                try {
                                    ObservedAlert alert = record.topic().equals(TopicCatalog.FRAUD_ALERTS.name())
                                            ? ObservedAlert.of(fraud.deserialize(record.topic(), record.value()), now)
                                            : ObservedAlert.of(device.deserialize(record.topic(), record.value()), now);
                                    synchronized (alerts) {
                                        alerts.add(alert);
                                    }
                                } catch (RuntimeException e) {
                                    // Not an alert this evaluator understands; the services' DLQs are elsewhere.
                                }
                            }
                        }
                    }
                },
                "alert-collector");
        thread.setDaemon(true);
        thread.start();
    }

    List<ObservedAlert> alerts() {
        synchronized (alerts) {
            return List.copyOf(alerts);
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
