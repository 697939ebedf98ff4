package dev.streamsuite.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from the beginning the way a downstream service would under exactly-once:
 * {@code isolation.level=read_committed}, so aborted and open transactions stay invisible.
 * {@link #uncommitted} reads everything written, aborted transactions included, to show what
 * such a consumer is spared.
 */
public final class TopicReader<K, V> implements AutoCloseable {

    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
        this(bootstrapServers, topic, keys, values, "read_committed");
    }

    public static <K, V> TopicReader<K, V> uncommitted(
            String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
        return new TopicReader<>(bootstrapServers, topic, keys, values, "read_uncommitted");
    }

    private TopicReader(
            String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values, String isolation) {
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-reader-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        isolation,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                keys,
                values);
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until everything read so far satisfies {@code done}; returns all records read. */
    public List<ConsumerRecord<K, V>> readUntil(Predicate<List<ConsumerRecord<K, V>>> done, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ZERO).pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return done.test(records);
        });
        return List.copyOf(records);
    }

    public List<ConsumerRecord<K, V>> readUntilCount(int count, Duration atMost) {
        return readUntil(read -> read.size() >= count, atMost);
    }

    /**
     * Reads up to the current end of the topic (for {@code read_committed}: the last stable
     * offset) and returns everything read. Call it once the producer side is known to be done,
     * e.g. after {@link KafkaBroker#awaitConsumed}, to see the complete output with nothing
     * still in flight.
     */
    public List<ConsumerRecord<K, V>> readToEnd(Duration atMost) {
        var end = consumer.endOffsets(consumer.assignment());
        await().atMost(atMost).pollInterval(Duration.ZERO).pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
