package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.state.ScoredItemState;
import dev.streamsuite.clickstream.state.TrendingSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The trending counts are kept per bucket of {@code trending-advance} (one store write per click
 * and key); a trending window is the {@code trending-window / trending-advance} buckets up to and
 * including the newest. When a bucket's counts change, the window that ends with that bucket is
 * added up from the store and published: the window a click's newest hopping window would be once
 * it is full, at one write per click instead of one per overlapping window.
 */
final class TrendingWindowSum implements Processor<Windowed<String>, TrendingCounts, String, TrendingSnapshot> {

    private final long size;
    private final long advance;
    private final int trendingSize;
    private ProcessorContext<String, TrendingSnapshot> context;
    private TimestampedWindowStore<String, TrendingCounts> buckets;

    TrendingWindowSum(RecommenderSettings settings) {
        this.size = settings.trendingWindow().toMillis();
        this.advance = settings.trendingAdvance().toMillis();
        this.trendingSize = settings.trendingSize();
    }

    @Override
    public void init(ProcessorContext<String, TrendingSnapshot> context) {
        this.context = context;
        this.buckets = context.getStateStore(RecommenderTopology.TRENDING_BUCKETS_STORE);
    }

    @Override
    public void process(Record<Windowed<String>, TrendingCounts> record) {
        if (record.value() == null) {
            return;
        }
        String key = record.key().key();
        long newest = record.key().window().start();
        long start = newest - size + advance;
        var earlierBuckets = new ArrayList<TrendingCounts>();
        if (start < newest) {
            try (var earlier = buckets.fetch(key, start, newest - advance)) {
                while (earlier.hasNext()) {
                    ValueAndTimestamp<TrendingCounts> bucket = earlier.next().value;
                    if (bucket != null) {
                        earlierBuckets.add(bucket.value());
                    }
                }
            }
        }
        var top = record.value().plus(earlierBuckets).top(trendingSize).stream()
                .map(item -> new ScoredItemState(item.itemId(), item.score()))
                .toList();
        context.forward(record.withKey(key)
                .withValue(new TrendingSnapshot(TrendingKeys.categoryOf(key), Instant.ofEpochMilli(start), top)));
    }
}
