package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.model.PairIncrement;
import dev.streamsuite.clickstream.model.TopItems;
import dev.streamsuite.clickstream.state.RelatedItem;
import dev.streamsuite.clickstream.state.SimilarItems;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Owns the related items of the items on its partitions: applies co-occurrence increments
 * (decayed, top-N truncated, stale pairs expired) and publishes the item's new ranking.
 */
final class SimilarItemsUpdater implements FixedKeyProcessor<String, PairIncrement, SimilarItems> {

    private final RecommenderSettings settings;
    private FixedKeyProcessorContext<String, SimilarItems> context;
    private KeyValueStore<String, TopItems> related;

    SimilarItemsUpdater(RecommenderSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, SimilarItems> context) {
        this.context = context;
        this.related = context.getStateStore(ClickTopology.ITEM_PAIRS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, PairIncrement> record) {
        PairIncrement pair = record.value();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        TopItems current = related.get(pair.from());
        if (current == null) {
            current = TopItems.empty(settings.relatedItemsPerItem());
        }
        TopItems updated = current.add(pair.to(), pair.weight(), at, settings.decay())
                .expire(at, settings.decay(), settings.minRelatedScore());
        related.put(pair.from(), updated);
        var ranked = updated.ranked(at, settings.decay()).stream()
                .map(item -> new RelatedItem(item.itemId(), item.score()))
                .toList();
        context.forward(record.withValue(new SimilarItems(pair.from(), ranked, at)));
    }
}
