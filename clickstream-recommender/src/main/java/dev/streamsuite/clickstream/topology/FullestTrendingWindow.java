package dev.streamsuite.clickstream.topology;

import java.time.Duration;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A click updates every hopping window that contains it. Of those, only the oldest covers the
 * full trending period up to the click; the newer ones have seen a fraction of it. Only that
 * window's counts are passed on.
 */
final class FullestTrendingWindow implements FixedKeyProcessor<Windowed<String>, TrendingCounts, TrendingCounts> {

    private final long size;
    private final long advance;
    private FixedKeyProcessorContext<Windowed<String>, TrendingCounts> context;

    FullestTrendingWindow(Duration size, Duration advance) {
        this.size = size.toMillis();
        this.advance = advance.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<Windowed<String>, TrendingCounts> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<Windowed<String>, TrendingCounts> record) {
        long start = record.key().window().start();
        long clickTime = record.timestamp();
        if (record.value() != null && start <= clickTime - size + advance) {
            context.forward(record);
        }
    }
}
