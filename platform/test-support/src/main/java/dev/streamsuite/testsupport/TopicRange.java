package dev.streamsuite.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What was committed to a topic between two moments, read {@code read_committed}: take
 * {@link #mark} before and after a run, then {@link #read} the records in between. Lets a test
 * tell apart the output of two runs that write the same topic one after the other.
 */
public final class TopicRange {

    private TopicRange() {}

    /** The current end (last stable offset) of each partition of the topic. */
    public static Map<TopicPartition, Long> mark(String bootstrapServers, String topic) {
        try (var consumer = consumer(bootstrapServers, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            return Map.copyOf(consumer.endOffsets(partitions));
        }
    }

    /** The committed records between two marks of the same topic. */
    public static <K, V> List<ConsumerRecord<K, V>> read(
            String bootstrapServers,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            Deserializer<K> keys,
            Deserializer<V> values,
            Duration atMost) {
        var records = new ArrayList<ConsumerRecord<K, V>>();
        try (var consumer = consumer(bootstrapServers, keys, values)) {
            consumer.assign(to.keySet());
            to.keySet().forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            await().atMost(atMost)
                    .pollInterval(Duration.ZERO)
                    .pollInSameThread()
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                            var partition = new TopicPartition(record.topic(), record.partition());
                            if (record.offset() < to.get(partition)) {
                                records.add(record);
                            }
                        });
                        return to.entrySet().stream()
                                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                    });
        }
        return records;
    }

    private static <K, V> KafkaConsumer<K, V> consumer(
            String bootstrapServers, Deserializer<K> keys, Deserializer<V> values) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-range-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                keys,
                values);
    }
}
