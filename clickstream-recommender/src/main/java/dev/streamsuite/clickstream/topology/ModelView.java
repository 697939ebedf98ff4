package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.RecentItems;
import dev.streamsuite.clickstream.domain.Recommendation;
import dev.streamsuite.clickstream.domain.Recommender;
import dev.streamsuite.clickstream.domain.ScoredItem;
import dev.streamsuite.clickstream.domain.TrendingList;
import dev.streamsuite.clickstream.state.SimilarItems;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reads the model from the global stores (the same on every instance) and ranks items for a
 * user. Used by the topology to publish recommendations and by the HTTP endpoints.
 */
public final class ModelView {

    public static final String ALL_CATEGORIES = "*";

    private final ReadOnlyKeyValueStore<String, SimilarItems> similar;
    private final TrendingBoard trending;
    private final Function<String, CatalogItem> catalog;

    /** A view over a task's or a query's stores: {@link RecommenderTopology#model}. */
    @FunctionalInterface
    interface Factory {
        ModelView over(
                ReadOnlyKeyValueStore<String, SimilarItems> similar,
                ReadOnlyKeyValueStore<String, ValueAndTimestamp<CatalogItem>> catalog);
    }

    /** @param catalog an item of the catalog, null if it holds none ({@link RecommenderTopology#catalogOf}) */
    ModelView(
            ReadOnlyKeyValueStore<String, SimilarItems> similar,
            TrendingBoard trending,
            Function<String, CatalogItem> catalog) {
        this.similar = similar;
        this.trending = trending;
        this.catalog = catalog;
    }

    public List<ScoredItem> similarTo(String itemId, int limit) {
        return similarTo(itemId, limit, this::isActive);
    }

    private List<ScoredItem> similarTo(String itemId, int limit, Predicate<String> active) {
        var related = similar.get(itemId);
        if (related == null) {
            return List.of();
        }
        return related.getItems().stream()
                .filter(item -> active.test(item.getItemId()))
                .limit(limit)
                .map(item -> new ScoredItem(item.getItemId(), item.getScore()))
                .toList();
    }

    /** The category's trending items, best first (see {@link TrendingBoard#ranked}). */
    public List<ScoredItem> trending(String category, int limit) {
        return trending(category, limit, this::isActive);
    }

    private List<ScoredItem> trending(String category, int limit, Predicate<String> active) {
        // Best first, then the catalog is asked about as many items as it takes, not about every one.
        return trending.ranked(category == null ? ALL_CATEGORIES : category).stream()
                .filter(item -> active.test(item.itemId()))
                .limit(limit)
                .toList();
    }

    /** Recommendations for a user; an unknown user (null state) gets trending items. */
    public Recommendation recommend(RecentItems recent, int limit, double recencyFactor) {
        RecentItems shopper = recent == null ? RecentItems.nothing() : recent;
        // The catalog is asked about each item once per recommendation, however many lists hold it.
        var activity = new HashMap<String, Boolean>();
        Predicate<String> active = itemId -> activity.computeIfAbsent(itemId, this::isActive);
        var lists = new ArrayList<TrendingList>();
        if (!shopper.items().isEmpty()) {
            var newest = catalog.apply(shopper.items().get(0).itemId());
            if (newest != null) {
                lists.add(TrendingList.inCategory(
                        newest.getCategory(), trending(newest.getCategory(), limit * 2, active)));
            }
        }
        lists.add(TrendingList.global(trending(ALL_CATEGORIES, limit * 2, active)));
        return new Recommender(limit, recencyFactor)
                .recommend(shopper, itemId -> similarTo(itemId, Integer.MAX_VALUE, any -> true), active, lists);
    }

    /** Items missing from the catalog count as active: the catalog may lag behind the clicks. */
    private boolean isActive(String itemId) {
        var item = catalog.apply(itemId);
        return item == null || item.getActive();
    }
}
