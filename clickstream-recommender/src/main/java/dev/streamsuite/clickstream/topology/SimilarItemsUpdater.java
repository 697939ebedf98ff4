package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.PairIncrement;
import dev.streamsuite.clickstream.domain.TopItems;
import dev.streamsuite.clickstream.state.ScoredItemState;
import dev.streamsuite.clickstream.state.SimilarItems;
import dev.streamsuite.streams.LeastRecentlyUsed;
import dev.streamsuite.streams.StoreSweep;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Owns the related items of the items on its partitions: applies co-occurrence increments
 * (decayed, top-N truncated, stale pairs expired) and publishes the changed items' rankings
 * once per {@code publishInterval} of wall-clock time rather than on every increment, since a
 * popular item receives many increments per second. Which items await publication is kept in
 * a changelogged store, committed with the increments: a crash between a commit and the next
 * publication delays those publications, never loses them. An item whose related items have
 * all decayed below {@code minRelatedScore} is deleted, and its ranking with it. The {@code related-items-cache-items}
 * items last updated are kept decoded (a popular item takes an increment with nearly every click).
 */
final class SimilarItemsUpdater implements Processor<String, List<PairIncrement>, String, SimilarItems> {

    private final RecommenderSettings settings;
    private ProcessorContext<String, SimilarItems> context;
    private DecodedEntries<TopItems> related;
    private KeyValueStore<String, Long> pending;
    /**
     * One copy of each item id recently seen as a related item: an id is related to dozens of items, and each
     * increment brings a new copy of it, which the items kept decoded would hold on to. Five ids per item kept decoded
     * (about 100 bytes each), the most recently seen.
     */
    private Map<String, String> itemIds;

    SimilarItemsUpdater(RecommenderSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SimilarItems> context) {
        this.context = context;
        KeyValueStore<String, TopItems> store = context.getStateStore(RecommenderTopology.ITEM_PAIRS_STORE);
        this.related = new DecodedEntries<>(store, settings.relatedItemsCacheItems());
        this.itemIds = new LeastRecentlyUsed<>(settings.relatedItemsCacheItems() * 5);
        this.pending = context.getStateStore(RecommenderTopology.PENDING_PUBLICATIONS_STORE);
        context.schedule(
                settings.publishInterval(),
                PunctuationType.WALL_CLOCK_TIME,
                now -> PendingPublications.drain(pending, (itemId, changedAt) -> publish(itemId)));
        var sweep = new StoreSweep<TopItems>(store, settings.sweepBatch());
        context.schedule(settings.sweepInterval(), PunctuationType.STREAM_TIME, streamTime -> {
            Instant now = Instant.ofEpochMilli(streamTime);
            sweep.sweep((itemId, items) -> items.expire(now, settings.decay(), settings.minRelatedScore())
                            .isEmpty())
                    .forEach(itemId -> {
                        related.deleted(itemId);
                        // The published ranking goes too, so every instance's global store drops it.
                        context.forward(new Record<>(itemId, null, streamTime));
                    });
        });
    }

    @Override
    public void process(Record<String, List<PairIncrement>> record) {
        String item = record.value().get(0).from();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        TopItems current = related.get(item);
        if (current == null) {
            current = TopItems.empty(settings.relatedItemsPerItem());
        }
        var weights = new HashMap<String, Double>();
        for (PairIncrement pair : record.value()) {
            String relatedItem = itemIds.putIfAbsent(pair.to(), pair.to());
            weights.merge(relatedItem == null ? pair.to() : relatedItem, pair.weight(), Double::sum);
        }
        related.put(item, current.addAll(weights, at, settings.decay(), settings.minRelatedScore()));
        pending.put(item, record.timestamp());
    }

    private void publish(String itemId) {
        TopItems items = related.get(itemId);
        if (items == null || items.isEmpty()) {
            return;
        }
        Instant asOf = Instant.ofEpochMilli(items.entries().stream()
                .mapToLong(TopItems.Entry::asOfMillis)
                .max()
                .orElseThrow());
        var ranked = items.ranked(asOf, settings.decay()).stream()
                .map(item -> new ScoredItemState(item.itemId(), item.score()))
                .toList();
        context.forward(
                new Record<>(itemId, new SimilarItems(itemId, ranked, asOf.toEpochMilli()), asOf.toEpochMilli()));
    }
}
