package dev.streamsuite.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
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
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, keys, values, "read_committed");
    }

    /** With the client settings of a secured cluster (bootstrap servers, security protocol, credentials). */
    public TopicReader(Map<String, Object> clientSettings, String topic, Deserializer<K> keys, Deserializer<V> values) {
        this(clientSettings, topic, keys, values, "read_committed");
    }

    public static <K, V> TopicReader<K, V> uncommitted(
            String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
        return new TopicReader<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                topic,
                keys,
                values,
                "read_uncommitted");
    }

    private TopicReader(
            Map<String, Object> clientSettings,
            String topic,
            Deserializer<K> keys,
            Deserializer<V> values,
            String isolation) {
        this.consumer = consumer(clientSettings, keys, values, isolation);
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
        pollTo(consumer, consumer.endOffsets(consumer.assignment()), records::add, atMost);
        return List.copyOf(records);
    }

    /** A consumer of this package's readers: its own group, no offsets committed. */
    static <K, V> KafkaConsumer<K, V> consumer(
            String bootstrapServers, Deserializer<K> keys, Deserializer<V> values, String isolation) {
        return consumer(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), keys, values, isolation);
    }

    private static <K, V> KafkaConsumer<K, V> consumer(
            Map<String, Object> clientSettings, Deserializer<K> keys, Deserializer<V> values, String isolation) {
        var settings = new java.util.HashMap<>(clientSettings);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(settings, keys, values);
    }

    /** Polls, handing each record to {@code sink}, until every partition's position reached its end. */
    static <K, V> void pollTo(
            KafkaConsumer<K, V> consumer,
            Map<TopicPartition, Long> ends,
            Consumer<ConsumerRecord<K, V>> sink,
            Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ZERO).pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(sink);
            return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
    }

    @Override
    public void close() {
        consumer.close();
    }
}
