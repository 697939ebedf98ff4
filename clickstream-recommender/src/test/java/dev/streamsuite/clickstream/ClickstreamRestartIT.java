package dev.streamsuite.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamsuite.clickstream.topology.RecommenderTopics;
import dev.streamsuite.clickstream.topology.RecommenderTopology;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.TopicSpec;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.clickstream.ClickType;
import dev.streamsuite.schemas.clickstream.Recommendation;
import dev.streamsuite.streams.RegistryAvroSerdes;
import dev.streamsuite.testsupport.RealInfrastructureExtension;
import dev.streamsuite.testsupport.ServiceInstance;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicRange;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A restart changes nothing the recommender decides from its input alone: clicks A, a stop, a
 * fresh instance that restores its state from the changelogs, clicks B; then an uninterrupted
 * run of A and B under another application id. Both runs publish recommendations for the same
 * clicks (ids and event times), and converge on the same related items and trending lists.
 *
 * <p>The items inside a recommendation are not compared: they are read from the global stores as
 * they stand when the click is processed, and a backlog reaches those stores at another pace than
 * live traffic (see the README, "Restarts and reprocessing").
 */
@ExtendWith(RealInfrastructureExtension.class)
class ClickstreamRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** After anything other tests click: each partition's stream time only moves forward. */
    private static final Instant L =
            Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    /**
     * All on input partition 0, which {@link ClickstreamRecommenderIT} leaves alone: the pair
     * increments of one partition reach the related-items tasks in one order in both runs.
     */
    private static final List<String> SHOPPERS =
            ServiceInstance.keysOnPartition("rs-user-", 0, TopicCatalog.CLICKS.partitions(), 4);

    private static final String CATEGORY = "restart-garden";
    private static final List<String> ITEMS = List.of("rs-spade", "rs-rake", "rs-hose", "rs-seeds", "rs-gloves");

    private final RegistryAvroSerdes serdes = TestInfrastructure.shared().serdes();

    @Test
    void aRunWithARestartPublishesWhatAnUninterruptedRunPublishes() {
        String interrupted = "clickstream-restart-interrupted-" + UUID.randomUUID();
        Map<String, Map<TopicPartition, Long>> before;
        try (var instance = start(interrupted)) {
            before = marks();
            ITEMS.forEach(this::catalog);
            await().atMost(PATIENCE).until(() -> catalogued(instance));
            // Each shopper browses three items, one session each, 2 s apart.
            for (int s = 0; s < SHOPPERS.size(); s++) {
                for (int i = 0; i < 3; i++) {
                    click(SHOPPERS.get(s), ITEMS.get((s + i) % ITEMS.size()), L.plusSeconds(s * 30L + i * 2L));
                }
            }
            awaitSettled(instance, interrupted);
        }

        try (var instance = start(interrupted)) {
            // Reloaded from the trending topic at start: the category's list is there before any new click.
            var trendingNow = instance.get("/trending?category=" + CATEGORY);
            assertThat(trendingNow.statusCode()).isEqualTo(200);
            assertThat(trendingNow.body()).contains("\"itemId\":\"rs-");
            // The same sessions go on, and the shoppers come back half an hour later.
            for (int s = 0; s < SHOPPERS.size(); s++) {
                click(SHOPPERS.get(s), ITEMS.get((s + 3) % ITEMS.size()), L.plusSeconds(s * 30L + 20));
                click(SHOPPERS.get(s), ITEMS.get((s + 4) % ITEMS.size()), L.plus(Duration.ofMinutes(30 + s)));
            }
            awaitSettled(instance, interrupted);
        }
        var between = marks();

        String oneRun = "clickstream-restart-uninterrupted-" + UUID.randomUUID();
        try (var instance = start(oneRun)) {
            awaitSettled(instance, oneRun);
        }
        var after = marks();

        var published = recommendations(before, between);
        assertThat(published)
                .as("one recommendation per shopper and burst")
                .hasSize(3 * SHOPPERS.size())
                .isEqualTo(recommendations(between, after));
        var related = latest(RecommenderTopics.SIMILAR_ITEMS, before, between, ITEMS::contains);
        assertThat(related).as("related items of every item").containsOnlyKeys(ITEMS);
        assertThat(related).isEqualTo(latest(RecommenderTopics.SIMILAR_ITEMS, between, after, ITEMS::contains));
        Predicate<String> partitionZero = key -> key.equals(CATEGORY + "|0") || key.equals("*|0");
        var trending = latest(RecommenderTopics.TRENDING, before, between, partitionZero);
        assertThat(trending).as("the category's and the overall list").hasSize(2);
        assertThat(trending).isEqualTo(latest(RecommenderTopics.TRENDING, between, after, partitionZero));
        assertThat(compressionOf(
                        interrupted + "-pairs-by-item-repartition",
                        interrupted + "-open-sessions-changelog",
                        TopicCatalog.RECOMMENDATIONS.name()))
                .as("internal topics stored compressed; an output topic as its clients write it")
                .containsExactly("lz4", "lz4", "producer");
    }

    private static List<String> compressionOf(String... topics) {
        var resources = Arrays.stream(topics)
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .toList();
        try (var admin = TestInfrastructure.shared().kafka().admin()) {
            var configs = admin.describeConfigs(resources).all().get();
            return resources.stream()
                    .map(resource ->
                            configs.get(resource).get("compression.type").value())
                    .toList();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServiceInstance start(String applicationId) {
        return ServiceInstance.startRunning(
                ClickstreamRecommenderApplication.class, "--spring.kafka.streams.application-id=" + applicationId);
    }

    /** Clicks and the repartition topic consumed, and no related items or trending lists awaiting publication. */
    private static void awaitSettled(ServiceInstance instance, String applicationId) {
        var kafka = TestInfrastructure.shared().kafka();
        kafka.awaitConsumed(applicationId, TopicCatalog.CLICKS.name(), PATIENCE);
        kafka.awaitConsumed(applicationId, applicationId + "-pairs-by-item-repartition", PATIENCE);
        for (String pendingStore :
                List.of(RecommenderTopology.PENDING_PUBLICATIONS_STORE, RecommenderTopology.PENDING_TRENDING_STORE)) {
            await().atMost(PATIENCE).until(() -> {
                try (var pending = instance.streams()
                        .getKafkaStreams()
                        .store(StoreQueryParameters.fromNameAndType(
                                pendingStore, QueryableStoreTypes.<String, Long>keyValueStore()))
                        .all()) {
                    return !pending.hasNext();
                }
            });
        }
    }

    private static boolean catalogued(ServiceInstance instance) {
        var catalog = instance.streams()
                .getKafkaStreams()
                .store(StoreQueryParameters.fromNameAndType(
                        RecommenderTopology.CATALOG_STORE, QueryableStoreTypes.<String, Object>keyValueStore()));
        return ITEMS.stream().allMatch(item -> catalog.get(item) != null);
    }

    private static Map<String, Map<TopicPartition, Long>> marks() {
        var marks = new java.util.HashMap<String, Map<TopicPartition, Long>>();
        for (var topic :
                List.of(TopicCatalog.RECOMMENDATIONS, RecommenderTopics.SIMILAR_ITEMS, RecommenderTopics.TRENDING)) {
            marks.put(topic.name(), TopicRange.mark(bootstrapServers(), topic.name()));
        }
        return marks;
    }

    /** This test's recommendations in the range: which clicks published, as sorted lines. */
    private List<String> recommendations(
            Map<String, Map<TopicPartition, Long>> from, Map<String, Map<TopicPartition, Long>> to) {
        return read(TopicCatalog.RECOMMENDATIONS, from, to).stream()
                .filter(record -> SHOPPERS.contains(record.key()))
                .map(record -> (Recommendation) record.value())
                .map(recommendation -> recommendation.getRecommendationId() + " " + recommendation.getEventTime())
                .sorted()
                .toList();
    }

    /** The last value per key in the range, as the compacted topic will keep it. */
    private Map<String, String> latest(
            TopicSpec<?> topic,
            Map<String, Map<TopicPartition, Long>> from,
            Map<String, Map<TopicPartition, Long>> to,
            Predicate<String> keys) {
        var latest = new TreeMap<String, String>();
        for (var record : read(topic, from, to)) {
            if (keys.test(record.key())) {
                latest.put(record.key(), String.valueOf(record.value()));
            }
        }
        return latest;
    }

    @SuppressWarnings("unchecked")
    private List<ConsumerRecord<String, SpecificRecord>> read(
            TopicSpec<?> topic,
            Map<String, Map<TopicPartition, Long>> from,
            Map<String, Map<TopicPartition, Long>> to) {
        return TopicRange.read(
                bootstrapServers(),
                from.get(topic.name()),
                to.get(topic.name()),
                Serdes.String().deserializer(),
                (topic.name().startsWith("clickstream-recommender.")
                                ? serdes.internalSerde((Class<SpecificRecord>) topic.valueType())
                                : serdes.valueSerde((Class<SpecificRecord>) topic.valueType()))
                        .deserializer(),
                PATIENCE);
    }

    private void catalog(String item) {
        TestInfrastructure.shared()
                .publish(
                        TopicCatalog.CATALOG.name(),
                        item,
                        CatalogItem.newBuilder()
                                .setItemId(item)
                                .setTitle(item)
                                .setCategory(CATEGORY)
                                .setActive(true)
                                .setUpdatedAt(L)
                                .build());
    }

    private void click(String shopper, String item, Instant at) {
        TestInfrastructure.shared()
                .publish(
                        TopicCatalog.CLICKS.name(),
                        shopper,
                        ClickEvent.newBuilder()
                                .setEventId(shopper + "-" + item + "-" + at.toEpochMilli())
                                .setUserId(shopper)
                                .setItemId(item)
                                .setType(ClickType.VIEW)
                                .setEventTime(at)
                                .build());
    }

    private static String bootstrapServers() {
        return TestInfrastructure.shared().kafka().bootstrapServers();
    }
}
