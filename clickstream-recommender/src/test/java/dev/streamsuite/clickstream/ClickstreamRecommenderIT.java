package dev.streamsuite.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsuite.clickstream.state.TrendingSnapshot;
import dev.streamsuite.clickstream.topology.RecommenderTopics;
import dev.streamsuite.clickstream.topology.RecommenderTopology;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.clickstream.ClickType;
import dev.streamsuite.schemas.clickstream.Recommendation;
import dev.streamsuite.schemas.payments.AlertEvidence;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.RuleType;
import dev.streamsuite.schemas.payments.Severity;
import dev.streamsuite.streams.RegistryAvroSerdes;
import dev.streamsuite.testsupport.RealInfrastructureExtension;
import dev.streamsuite.testsupport.ServiceInstance;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances in one group on a real broker and registry: recommendations learned from
 * clicks, flagged accounts excluded through fraud-detector's alert topic, and every query
 * answered by either instance.
 */
@ExtendWith(RealInfrastructureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClickstreamRecommenderIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final List<String> SHOPPERS =
            IntStream.range(0, 10).mapToObj(i -> "user-" + i).toList();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServiceInstance first;
    private static ServiceInstance second;
    private static RegistryAvroSerdes serdes;

    @BeforeAll
    static void startTwoInstances() throws IOException {
        serdes = TestInfrastructure.shared().serdes();
        first = ServiceInstance.startRunning(ClickstreamRecommenderApplication.class);
        second = ServiceInstance.startRunning(ClickstreamRecommenderApplication.class);
    }

    @AfterAll
    static void stopInstances() {
        first.close();
        second.close();
    }

    @Test
    @Order(1)
    void learnsFromShoppersIgnoresFlaggedAccountsAndAnswersOnAnyInstance() throws IOException {
        item("shoe", "fashion", true);
        item("sock", "fashion", true);
        item("scam", "fashion", true);
        TestInfrastructure.shared().publish(TopicCatalog.FRAUD_ALERTS.name(), "card-9", alertFor("acct-bot"));
        // Either instance may still be rebalancing (503, or a store not yet open): ask again.
        await().atMost(PATIENCE)
                .ignoreException(InvalidStateStoreException.class)
                .untilAsserted(() -> {
                    assertThat(json(second, "/items/shoe/similar").get("items")).isEmpty();
                    assertThat(flaggedAccountKnown(first) && flaggedAccountKnown(second))
                            .as("the alert flagged the account on both instances")
                            .isTrue();
                });

        for (int i = 0; i < 5; i++) {
            click("bot", "acct-bot", "shoe", T0.plusSeconds(i * 2));
            click("bot", "acct-bot", "scam", T0.plusSeconds(i * 2 + 1));
        }
        for (String shopper : SHOPPERS) {
            click(shopper, null, "shoe", T0.plusSeconds(60));
            click(shopper, null, "sock", T0.plusSeconds(90));
        }

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(excludedClicks()).isEqualTo(10));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        json(first, "/items/shoe/similar").get("items"))
                .isNotEmpty());
        for (var instance : List.of(first, second)) {
            var similar = json(instance, "/items/shoe/similar").get("items");
            assertThat(similar.get(0).get("itemId").asText()).isEqualTo("sock");
            assertThat(similar.toString()).doesNotContain("scam");
        }

        var owners = new HashSet<HostInfo>();
        for (String shopper : SHOPPERS) {
            owners.add(first.streams()
                    .getKafkaStreams()
                    .queryMetadataForKey(
                            RecommenderTopology.USERS_STORE,
                            shopper,
                            Serdes.String().serializer())
                    .activeHost());
            var viaFirst = json(first, "/users/" + shopper + "/recommendations?limit=5");
            var viaSecond = json(second, "/users/" + shopper + "/recommendations?limit=5");
            assertThat(viaSecond).isEqualTo(viaFirst);
            assertThat(viaFirst.get("items").toString()).doesNotContain("scam");
        }
        assertThat(owners)
                .as("both instances own users, so some queries are forwarded")
                .hasSize(2);

        var stranger = json(second, "/users/never-seen/recommendations");
        assertThat(stranger.get("strategy").asText()).isEqualTo("TRENDING");
        assertThat(json(first, "/trending?category=fashion").get("items").toString())
                .contains("shoe");

        try (var reader = new TopicReader<>(
                TestInfrastructure.shared().kafka().bootstrapServers(),
                TopicCatalog.RECOMMENDATIONS.name(),
                Serdes.String().deserializer(),
                serdes.valueSerde(Recommendation.class).deserializer())) {
            var published = reader
                    .readUntil(
                            read -> read.stream()
                                            .map(ConsumerRecord::key)
                                            .filter(SHOPPERS::contains)
                                            .distinct()
                                            .count()
                                    == SHOPPERS.size(),
                            PATIENCE)
                    .stream()
                    .map(ConsumerRecord::key)
                    .toList();
            assertThat(published).doesNotContain("bot").containsAll(SHOPPERS);
        }
    }

    /**
     * One input partition hours ahead of another, as while working off a backlog. Its clicks must
     * not make the other partition's clicks late for trending: each partition is counted on its
     * own stream time. (Keyed by category alone, the counting task saw both partitions, its
     * stream time was the newest of them, and the slower partition's click was dropped.) Runs
     * last: it moves two partitions' stream time ahead of the other tests' clicks. Partition 0 is
     * left to {@link ClickstreamRestartIT}, whose clicks are stamped in the present.
     */
    @Test
    @Order(2)
    void aPartitionAheadOfAnotherDoesNotMakeItsClicksLateForTrending() {
        Instant later = T0.plus(Duration.ofDays(10));
        String ahead = ServiceInstance.keysOnPartition("skew-user-", 3, TopicCatalog.CLICKS.partitions(), 1)
                .get(0);
        String behind = ServiceInstance.keysOnPartition("skew-user-", 4, TopicCatalog.CLICKS.partitions(), 1)
                .get(0);
        item("skew-fast", "skew", true);
        item("skew-slow", "skew", true);

        click(ahead, null, "skew-fast", later.plus(Duration.ofHours(2)));
        awaitTrendingSnapshotWith("skew|3", "skew-fast");
        click(behind, null, "skew-slow", later);

        awaitTrendingSnapshotWith("skew|4", "skew-slow");
    }

    private static void awaitTrendingSnapshotWith(String key, String itemId) {
        try (var reader = new TopicReader<>(
                TestInfrastructure.shared().kafka().bootstrapServers(),
                RecommenderTopics.TRENDING.name(),
                Serdes.String().deserializer(),
                serdes.internalSerde(TrendingSnapshot.class).deserializer())) {
            reader.readUntil(
                    read -> read.stream().filter(r -> key.equals(r.key())).anyMatch(r -> r.value().getItems().stream()
                            .anyMatch(item -> item.getItemId().equals(itemId))),
                    PATIENCE);
        }
    }

    private static JsonNode json(ServiceInstance instance, String path) {
        var response = instance.get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean flaggedAccountKnown(ServiceInstance instance) {
        return instance.streams()
                        .getKafkaStreams()
                        .store(org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(
                                RecommenderTopology.FLAGGED_ACCOUNTS_STORE,
                                org.apache.kafka.streams.state.QueryableStoreTypes.<String, Long>keyValueStore()))
                        .get("acct-bot")
                != null;
    }

    private static double excludedClicks() {
        return List.of(first, second).stream()
                .flatMap(instance -> instance.get("/actuator/prometheus").body().lines())
                .filter(line -> line.startsWith("kafka_stream_clickstream_excluded_click_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void item(String itemId, String category, boolean active) {
        TestInfrastructure.shared()
                .publish(
                        TopicCatalog.CATALOG.name(),
                        itemId,
                        CatalogItem.newBuilder()
                                .setItemId(itemId)
                                .setTitle(itemId)
                                .setCategory(category)
                                .setActive(active)
                                .setUpdatedAt(T0)
                                .build());
    }

    private static void click(String user, String account, String item, Instant at) {
        TestInfrastructure.shared()
                .publish(
                        TopicCatalog.CLICKS.name(),
                        user,
                        ClickEvent.newBuilder()
                                .setEventId(user + "-" + item + "-" + at.toEpochMilli())
                                .setUserId(user)
                                .setAccountId(account)
                                .setItemId(item)
                                .setType(ClickType.VIEW)
                                .setSessionId(null)
                                .setEventTime(at)
                                .build());
    }

    private static FraudAlert alertFor(String account) {
        return FraudAlert.newBuilder()
                .setAlertId("alert-1")
                .setCardId("card-9")
                .setAccountId(account)
                .setTransactionId("tx-1")
                .setRuleId("velocity")
                .setRuleVersion(0)
                .setRuleType(RuleType.VELOCITY)
                .setSeverity(Severity.HIGH)
                .setScore(0.9)
                .setReason("bot-like velocity")
                .setEvidence(new AlertEvidence(List.of("tx-1"), null, Map.of()))
                .setEventTime(T0)
                .build();
    }
}
