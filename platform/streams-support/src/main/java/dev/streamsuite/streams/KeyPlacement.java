package dev.streamsuite.streams;

import dev.streamsuite.streams.errors.DeadLetterMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices records that are not on the partition Java's default partitioner would choose for
 * their key (murmur2). State, and the owner that interactive queries ask, follow that choice;
 * librdkafka-based clients (Python, Go, .NET) hash with CRC32 unless told otherwise, so their
 * records land elsewhere and are processed against the wrong state. Such records are counted in
 * {@code streamsuite_misplaced_records_total{topic}} and reported once per topic with what to
 * change; they are still processed.
 */
public final class KeyPlacement {

    private static final Logger log = LoggerFactory.getLogger(KeyPlacement.class);
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final ProcessingContext context;
    private final SourceTopics topics;
    private final DeadLetterMetrics metrics;

    private KeyPlacement(ProcessingContext context) {
        this.context = context;
        this.topics = SourceTopics.from(context.appConfigs());
        this.metrics = DeadLetterMetrics.from(context.appConfigs());
    }

    /** For a processor that reads a source topic directly; call from its {@code init}. */
    public static KeyPlacement of(ProcessingContext context) {
        return new KeyPlacement(context);
    }

    /** Checks the current record, whose key is {@code key}. */
    public void check(String key) {
        if (key == null) {
            return;
        }
        var metadata = context.recordMetadata();
        if (metadata.isEmpty() || metadata.get().topic() == null) {
            return;
        }
        String topic = metadata.get().topic();
        int partitions = topics.partitionsOf(topic);
        if (partitions < 1) {
            return;
        }
        int expected = expectedPartition(key, partitions);
        int actual = metadata.get().partition();
        if (actual == expected) {
            return;
        }
        metrics.recordMisplaced(topic);
        if (REPORTED.add(topic)) {
            log.warn(
                    "Record with key '{}' is on partition {} of {}, but Java clients and this service expect keys"
                            + " hashed with murmur2 (partition {}): its state is split and queries miss it. A"
                            + " librdkafka-based producer (Python, Go, .NET) must set partitioner=murmur2_random."
                            + " Further misplaced records are counted in streamsuite_misplaced_records_total.",
                    key,
                    actual,
                    topic,
                    expected);
        }
    }

    /** The partition Kafka's default partitioner chooses for a string key. */
    public static int expectedPartition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
