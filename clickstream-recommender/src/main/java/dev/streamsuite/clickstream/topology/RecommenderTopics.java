package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.state.SimilarItems;
import dev.streamsuite.clickstream.state.TrendingSnapshot;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.TopicSpec;
import dev.streamsuite.schemas.TopicSpec.CleanupPolicy;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.clickstream.Recommendation;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.Topic;

/**
 * The topics clickstream-recommender reads and writes. Two are its own: the model's item
 * similarities and trending lists, published by the tasks that compute them and read back by
 * every instance as global stores, so any instance can rank items for any user.
 */
public record RecommenderTopics(
        Topic<String, ClickEvent> clicks,
        Topic<String, CatalogItem> catalog,
        Topic<String, FraudAlert> fraudAlerts,
        Topic<String, Recommendation> recommendations,
        Topic<String, SimilarItems> similarItems,
        Topic<String, TrendingSnapshot> trending) {

    public static final TopicSpec<SimilarItems> SIMILAR_ITEMS = new TopicSpec<>(
            "clickstream-recommender.similar-items",
            "itemId",
            SimilarItems.class,
            TopicCatalog.STREAM_PARTITIONS,
            CleanupPolicy.COMPACT,
            null,
            "clickstream-recommender",
            "Internal: the related items of each item.");
    public static final TopicSpec<TrendingSnapshot> TRENDING = new TopicSpec<>(
            "clickstream-recommender.trending",
            "<category>|<input partition>, category * for all",
            TrendingSnapshot.class,
            1,
            CleanupPolicy.COMPACT,
            null,
            "clickstream-recommender",
            "Internal: the trending items per category and input partition.");

    public static RecommenderTopics from(AvroSerdes serdes) {
        return new RecommenderTopics(
                serdes.topic(TopicCatalog.CLICKS),
                serdes.topic(TopicCatalog.CATALOG),
                serdes.topic(TopicCatalog.FRAUD_ALERTS),
                serdes.topic(TopicCatalog.RECOMMENDATIONS),
                serdes.internalTopic(SIMILAR_ITEMS),
                serdes.internalTopic(TRENDING));
    }
}
