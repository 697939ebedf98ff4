package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.state.SimilarItems;
import dev.streamsuite.clickstream.state.TrendingSnapshot;
import dev.streamsuite.schemas.TopicSpec;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.streams.EventTimes;
import dev.streamsuite.streams.GlobalStoreCache;
import dev.streamsuite.streams.GlobalStoreLoader;
import dev.streamsuite.streams.StreamsTopology;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Clicks keyed by user are screened (invalid → dead letter, flagged accounts → excluded) and
 * feed three parts of the model: each user's open session, whose new item pairs go to the
 * items' owners (repartitioned by item) and update their top-N related items; hopping-window
 * trending counts per category; and each user's recent items, from which recommendations are
 * published. Related items and trending lists are published to the service's own topics and
 * read back as global stores, so any task and any instance can rank items for any user.
 */
public final class RecommenderTopology implements StreamsTopology {

    public static final String CATALOG_STORE = "catalog";
    public static final String FLAGGED_ACCOUNTS_STORE = "flagged-accounts";
    public static final String SIMILAR_ITEMS_STORE = "similar-items";
    static final String TRENDING_STORE = "trending";
    public static final String USERS_STORE = "users";
    static final String OPEN_SESSIONS_STORE = "open-sessions";
    static final String ITEM_PAIRS_STORE = "item-pairs";
    public static final String PENDING_PUBLICATIONS_STORE = "related-items-pending";
    static final String TRENDING_BUCKETS_STORE = "trending-buckets";
    public static final String PENDING_TRENDING_STORE = "trending-pending";

    private final RecommenderTopics topics;
    private final RecommenderSettings settings;
    private final TrendingBoard trendingBoard;
    private final GlobalStoreCache<CatalogItem> catalogCache;

    public RecommenderTopology(RecommenderTopics topics, RecommenderSettings settings) {
        this.topics = topics;
        this.settings = settings;
        this.trendingBoard = new TrendingBoard(settings.trendingWindow());
        this.catalogCache = new GlobalStoreCache<>(settings.catalogCacheItems());
    }

    /**
     * The model as {@code similar} and {@code catalog} hold it (a task's global stores, or their queryable views),
     * ranked with this topology's trending board and read through its catalog cache.
     */
    public ModelView model(
            ReadOnlyKeyValueStore<String, SimilarItems> similar,
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<CatalogItem>> catalog) {
        return new ModelView(similar, trendingBoard, catalogOf(catalog, catalogCache));
    }

    /**
     * The items of {@code catalog} (a task's global store, or its queryable view), read through {@code cache}, the
     * topology's decoded items: a click asks about its item, a recommendation about a hundred, each otherwise a
     * RocksDB read and a decode. Null for an item the catalog does not hold.
     */
    static Function<String, CatalogItem> catalogOf(
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<CatalogItem>> catalog,
            GlobalStoreCache<CatalogItem> cache) {
        return itemId -> cache.get(itemId, id -> {
            var stored = catalog.get(id);
            return stored == null ? null : stored.value();
        });
    }

    /** Its own compacted topics: the model's related items and trending lists, read back by every instance. */
    @Override
    public List<TopicSpec<?>> ownTopics() {
        return List.of(RecommenderTopics.SIMILAR_ITEMS, RecommenderTopics.TRENDING);
    }

    @Override
    public void addTo(StreamsBuilder builder) {
        addGlobalStores(builder);
        // A shopper's state is written through, not cached. A shopper clicks every few seconds, seldom twice
        // between two commits, and there are many: their entries would only pass through Kafka Streams' record cache,
        // which makes room for each new one by evicting an entry of every cached store in turn and, when that entry
        // is dirty, writes out all of that store's dirty entries. The stores of few, hot keys below (items, trending
        // buckets) would then reach RocksDB and their changelogs many times between two commits instead of once:
        // with the shoppers cached, the trending buckets' changelog took ten times the bytes
        // (docs/benchmarks/findings.md).
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(USERS_STORE), Serdes.String(), RecommenderState.users()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(OPEN_SESSIONS_STORE), Serdes.String(), RecommenderState.sessions()));
        // Cached: a popular item takes many increments between two commits; each key then reaches RocksDB and its
        // changelog once per commit, and is read back from memory meanwhile.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(ITEM_PAIRS_STORE), Serdes.String(), RecommenderState.topItems())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(PENDING_PUBLICATIONS_STORE), Serdes.String(), Serdes.Long())
                .withCachingEnabled());
        // Buckets of one advance, added up into windows when published: a click is one write, not one per
        // overlapping hopping window. Laid out as the DSL's windowed aggregation laid them out (in the repartitioned
        // stage before this release), so the counts in the changelog carry over.
        builder.addStateStore(Stores.timestampedWindowStoreBuilder(
                        Stores.persistentTimestampedWindowStore(
                                TRENDING_BUCKETS_STORE,
                                settings.trendingWindow().plus(settings.sessionGrace()),
                                settings.trendingAdvance(),
                                false),
                        Serdes.String(),
                        RecommenderState.trendingCounts())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(PENDING_TRENDING_STORE), Serdes.String(), Serdes.Long())
                .withCachingEnabled());

        var clicks = builder.stream(
                        topics.clicks().name(),
                        topics.clicks()
                                .consumed("clicks")
                                .withTimestampExtractor(
                                        EventTimes.extractor(ClickEvent.class, ClickEvent::getEventTime)))
                .processValues(() -> new ClickScreen(settings.flaggedFor(), catalogCache), Named.as("screen-click"));

        clicks.processValues(
                        () -> new RecommendationPublisher(settings, this::model), Named.as("recommend"), USERS_STORE)
                .to(topics.recommendations().name(), topics.recommendations().produced("recommendations-out"));

        // One record per item the click touches, not one per increment: working off a backlog, the stream thread is fed
        // and serves its tasks by bytes and records, not by need, so the fewer a click makes here, the closer the pairs
        // stage keeps up with the input.
        clicks.process(() -> new SessionPairing(settings), Named.as("pair-in-session"), OPEN_SESSIONS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), RecommenderState.itemIncrements())
                        .withName("pairs-by-item"))
                .process(
                        () -> new SimilarItemsUpdater(settings),
                        Named.as("update-related-items"),
                        ITEM_PAIRS_STORE,
                        PENDING_PUBLICATIONS_STORE)
                .to(topics.similarItems().name(), topics.similarItems().produced("similar-items-out"));

        clicks.process(
                        () -> new TrendingCounter(settings),
                        Named.as("count-trending"),
                        TRENDING_BUCKETS_STORE,
                        PENDING_TRENDING_STORE)
                .to(topics.trending().name(), topics.trending().produced("trending-out"));
    }

    private void addGlobalStores(StreamsBuilder builder) {
        builder.addGlobalStore(
                Stores.timestampedKeyValueStoreBuilder(
                        Stores.persistentTimestampedKeyValueStore(CATALOG_STORE),
                        topics.catalog().keySerde(),
                        topics.catalog().valueSerde()),
                topics.catalog().name(),
                topics.catalog().consumed("catalog"),
                () -> GlobalStoreLoader.<CatalogItem, ValueAndTimestamp<CatalogItem>>of(
                                CATALOG_STORE, record -> ValueAndTimestamp.make(record.value(), record.timestamp()))
                        .caching(catalogCache));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(FLAGGED_ACCOUNTS_STORE), Serdes.String(), Serdes.Long()),
                topics.fraudAlerts().name(),
                topics.fraudAlerts().consumed("fraud-alerts"),
                () -> GlobalStoreLoader.<FraudAlert, Long>of(
                                FLAGGED_ACCOUNTS_STORE,
                                record -> record.value().getEventTime().toEpochMilli())
                        .keyedBy(record -> record.value().getAccountId())
                        .replacingOnlyIf((newer, older) -> newer > older)
                        .forgetting((flaggedAt, newest) ->
                                flaggedAt + settings.flaggedFor().toMillis() < newest));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(SIMILAR_ITEMS_STORE),
                        Serdes.String(),
                        topics.similarItems().valueSerde()),
                topics.similarItems().name(),
                topics.similarItems().consumed("similar-items-source"),
                () -> GlobalStoreLoader.<SimilarItems, SimilarItems>of(SIMILAR_ITEMS_STORE, Record::value)
                        .replacingOnlyIf((newer, older) -> newer.getAsOf() >= older.getAsOf()));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(TRENDING_STORE),
                        Serdes.String(),
                        topics.trending().valueSerde()),
                topics.trending().name(),
                topics.trending().consumed("trending-source"),
                () -> GlobalStoreLoader.<TrendingSnapshot, TrendingSnapshot>of(TRENDING_STORE, Record::value)
                        // Hopping windows overlap: the list of the most recent window wins.
                        .replacingOnlyIf((newer, older) -> newer.getWindowStart() >= older.getWindowStart())
                        .notifying(trendingBoard::changed));
    }
}
