package dev.streamsuite.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        try (var consumer = TopicReader.consumer(
                bootstrapServers, new ByteArrayDeserializer(), new ByteArrayDeserializer(), "read_committed")) {
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
        try (var consumer = TopicReader.consumer(bootstrapServers, keys, values, "read_committed")) {
            consumer.assign(to.keySet());
            to.keySet().forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            TopicReader.pollTo(
                    consumer,
                    to,
                    record -> {
                        if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                            records.add(record);
                        }
                    },
                    atMost);
        }
        return records;
    }
}
