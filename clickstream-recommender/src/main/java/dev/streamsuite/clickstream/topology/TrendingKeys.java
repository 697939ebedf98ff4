package dev.streamsuite.clickstream.topology;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keys each click for the trending counts of its category and of all categories, each tagged
 * with the click's own partition: {@code <category>|<partition>}. {@link #PARTITIONER} sends it
 * to that same partition of the repartition topic, so each trending task counts the clicks of
 * one input partition, on that partition's own stream time. Keyed by category alone, the
 * counting task would see every partition's clicks, its stream time would be the newest of them
 * all, and while working off a backlog the clicks of slower partitions would arrive "late" and
 * be dropped. {@link ModelView} adds the partitions' counts up.
 *
 * <p>Clicks too late for every trending window of their partition are still dropped by the
 * windows, as in live traffic; they are counted in {@code late-click-total}.
 */
final class TrendingKeys implements Processor<String, Click, String, Click> {

    /** Routes {@code <category>|<partition>} to {@code <partition>}. */
    static final StreamPartitioner<String, Click> PARTITIONER =
            (topic, key, click, partitions) -> Optional.of(Set.of(partitionOf(key) % partitions));

    private final long size;
    private final long advance;
    private final long grace;
    private ProcessorContext<String, Click> context;
    private Sensor lateClicks;

    TrendingKeys(Duration size, Duration advance, Duration grace) {
        this.size = size.toMillis();
        this.advance = advance.toMillis();
        this.grace = grace.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Click> context) {
        this.context = context;
        this.lateClicks =
                context.metrics().addRateTotalSensor("clickstream", "clicks", "late-click", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, Click> record) {
        long newestWindowEnd = Math.floorDiv(record.timestamp(), advance) * advance + size;
        if (newestWindowEnd + grace <= context.currentStreamTimeMs()) {
            lateClicks.record();
        }
        int partition = context.recordMetadata().map(m -> m.partition()).orElse(0);
        context.forward(record.withKey(key(ModelView.ALL_CATEGORIES, partition)));
        if (record.value().category() != null) {
            context.forward(record.withKey(key(record.value().category(), partition)));
        }
    }

    static String key(String category, int partition) {
        return prefix(category) + partition;
    }

    /** What the keys of all partitions of a category start with. */
    static String prefix(String category) {
        return category + "|";
    }

    static String categoryOf(String key) {
        return key.substring(0, key.lastIndexOf('|'));
    }

    private static int partitionOf(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('|') + 1));
    }
}
