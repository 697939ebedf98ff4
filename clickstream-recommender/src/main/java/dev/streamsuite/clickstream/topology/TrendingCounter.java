package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.state.ScoredItemState;
import dev.streamsuite.clickstream.state.TrendingSnapshot;
import java.util.ArrayList;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Counts each click for the trending lists of its category and of all categories, in the task of the click's own
 * input partition, under the keys {@code <category>|<partition>}: no repartition, and each partition counted on its
 * own stream time (counted on one task for all partitions, the task's stream time would be the newest of them all,
 * and while a backlog is worked off the clicks of slower partitions would arrive "late"). {@link TrendingBoard} adds
 * the partitions' lists up.
 *
 * <p>Counts are kept per bucket of {@code trending-advance} (one write per click and key); a trending window is the
 * {@code trending-window / trending-advance} buckets up to and including the newest. A bucket takes clicks as late as
 * the newest hopping window that would contain them ({@code session-grace} after its end) and is kept as long as a
 * window needs it. Clicks too late for every window are counted in {@code late-click-total} and left out.
 *
 * <p>Once per {@code publish-interval} (wall clock) the window ending with each key's newest changed bucket is added
 * up and published. Which keys await publication is kept in a changelogged store, committed with the counts: a crash
 * delays a publication, never loses it.
 */
final class TrendingCounter implements Processor<String, Click, String, TrendingSnapshot> {

    private final RecommenderSettings settings;
    private final long size;
    private final long advance;
    private final long grace;
    private ProcessorContext<String, TrendingSnapshot> context;
    private TimestampedWindowStore<String, TrendingCounts> buckets;
    private KeyValueStore<String, Long> pending;
    private int partition;
    private Sensor lateClicks;

    TrendingCounter(RecommenderSettings settings) {
        this.settings = settings;
        this.size = settings.trendingWindow().toMillis();
        this.advance = settings.trendingAdvance().toMillis();
        this.grace = settings.sessionGrace().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, TrendingSnapshot> context) {
        this.context = context;
        this.buckets = context.getStateStore(RecommenderTopology.TRENDING_BUCKETS_STORE);
        this.pending = context.getStateStore(RecommenderTopology.PENDING_TRENDING_STORE);
        this.partition = context.taskId().partition();
        this.lateClicks =
                context.metrics().addRateTotalSensor("clickstream", "clicks", "late-click", Sensor.RecordingLevel.INFO);
        context.schedule(
                settings.publishInterval(),
                PunctuationType.WALL_CLOCK_TIME,
                now -> PendingPublications.drain(pending, this::publish));
    }

    @Override
    public void process(Record<String, Click> record) {
        long bucket = Math.floorDiv(record.timestamp(), advance) * advance;
        // The newest hopping window containing the click ends a window's length after its bucket starts.
        if (bucket + size + grace <= context.currentStreamTimeMs()) {
            lateClicks.record();
            return;
        }
        count(key(ModelView.ALL_CATEGORIES, partition), bucket, record);
        if (record.value().category() != null) {
            count(key(record.value().category(), partition), bucket, record);
        }
    }

    private void count(String key, long bucket, Record<String, Click> record) {
        ValueAndTimestamp<TrendingCounts> current = buckets.fetch(key, bucket);
        var counts = (current == null ? TrendingCounts.empty() : current.value())
                .add(
                        record.value().event().itemId(),
                        settings.weights().weightOf(record.value().event().interaction()),
                        settings.trendingSize());
        long timestamp = current == null ? record.timestamp() : Math.max(current.timestamp(), record.timestamp());
        buckets.put(key, ValueAndTimestamp.make(counts, timestamp), bucket);
        Long newestChanged = pending.get(key);
        if (newestChanged == null || newestChanged < bucket) {
            pending.put(key, bucket);
        }
    }

    /** The window ending with the bucket starting at {@code newest}. */
    private void publish(String key, long newest) {
        long start = newest - size + advance;
        var parts = new ArrayList<TrendingCounts>();
        long timestamp = Long.MIN_VALUE;
        try (var window = buckets.fetch(key, start, newest)) {
            while (window.hasNext()) {
                ValueAndTimestamp<TrendingCounts> bucket = window.next().value;
                if (bucket != null) {
                    parts.add(bucket.value());
                    timestamp = Math.max(timestamp, bucket.timestamp());
                }
            }
        }
        if (parts.isEmpty()) {
            return; // expired meanwhile
        }
        var top = TrendingCounts.empty().plus(parts).top(settings.trendingSize()).stream()
                .map(item -> new ScoredItemState(item.itemId(), item.score()))
                .toList();
        context.forward(new Record<>(key, new TrendingSnapshot(categoryOf(key), start, top), timestamp));
    }

    static String key(String category, int partition) {
        return category + "|" + partition;
    }

    static String categoryOf(String key) {
        return key.substring(0, key.lastIndexOf('|'));
    }
}
