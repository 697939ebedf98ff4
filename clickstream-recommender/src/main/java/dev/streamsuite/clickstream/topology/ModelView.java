package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.model.RecentItems;
import dev.streamsuite.clickstream.model.Recommendation;
import dev.streamsuite.clickstream.model.Recommender;
import dev.streamsuite.clickstream.model.ScoredItem;
import dev.streamsuite.clickstream.model.TrendingList;
import dev.streamsuite.clickstream.state.SimilarItems;
import dev.streamsuite.clickstream.state.TrendingSnapshot;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reads the model from the global stores (the same on every instance) and ranks items for a
 * user. Used by the topology to publish recommendations and by the HTTP endpoints.
 */
public final class ModelView {

    public static final String ALL_CATEGORIES = "*";

    private final ReadOnlyKeyValueStore<String, SimilarItems> similar;
    private final ReadOnlyKeyValueStore<String, TrendingSnapshot> trending;
    private final Function<String, CatalogItem> catalog;

    public ModelView(
            ReadOnlyKeyValueStore<String, SimilarItems> similar,
            ReadOnlyKeyValueStore<String, TrendingSnapshot> trending,
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<CatalogItem>> catalog) {
        this.similar = similar;
        this.trending = trending;
        this.catalog = itemId -> {
            var stored = catalog.get(itemId);
            return stored == null ? null : stored.value();
        };
    }

    public List<ScoredItem> similarTo(String itemId, int limit) {
        var related = similar.get(itemId);
        if (related == null) {
            return List.of();
        }
        return related.getItems().stream()
                .filter(item -> isActive(item.getItemId()))
                .limit(limit)
                .map(item -> new ScoredItem(item.getItemId(), item.getScore()))
                .toList();
    }

    public List<ScoredItem> trending(String category, int limit) {
        var snapshot = trending.get(category == null ? ALL_CATEGORIES : category);
        if (snapshot == null) {
            return List.of();
        }
        return snapshot.getItems().stream()
                .filter(item -> isActive(item.getItemId()))
                .limit(limit)
                .map(item -> new ScoredItem(item.getItemId(), item.getScore()))
                .toList();
    }

    /** Recommendations for a user; an unknown user (null state) gets trending items. */
    public Recommendation recommend(RecentItems recent, int limit, double recencyFactor) {
        RecentItems shopper = recent == null ? RecentItems.empty() : recent;
        var lists = new ArrayList<TrendingList>();
        if (!shopper.items().isEmpty()) {
            var newest = catalog.apply(shopper.items().get(0).itemId());
            if (newest != null) {
                lists.add(TrendingList.inCategory(newest.getCategory(), trending(newest.getCategory(), limit * 2)));
            }
        }
        lists.add(TrendingList.global(trending(ALL_CATEGORIES, limit * 2)));
        return new Recommender(limit, recencyFactor)
                .recommend(shopper, itemId -> similarTo(itemId, Integer.MAX_VALUE), this::isActive, lists);
    }

    /** Items missing from the catalog count as active: the catalog may lag behind the clicks. */
    private boolean isActive(String itemId) {
        var item = catalog.apply(itemId);
        return item == null || item.getActive();
    }
}
