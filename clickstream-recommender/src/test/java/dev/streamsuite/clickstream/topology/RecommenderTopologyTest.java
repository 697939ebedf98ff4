package dev.streamsuite.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.clickstream.domain.ItemInteraction;
import dev.streamsuite.clickstream.domain.ScoredItem;
import dev.streamsuite.clickstream.domain.SessionState;
import dev.streamsuite.clickstream.state.ScoredItemState;
import dev.streamsuite.clickstream.state.SimilarItems;
import dev.streamsuite.clickstream.state.TrendingSnapshot;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.clickstream.ClickType;
import dev.streamsuite.schemas.clickstream.Recommendation;
import dev.streamsuite.schemas.clickstream.RecommendationStrategy;
import dev.streamsuite.schemas.clickstream.RecommendedItem;
import dev.streamsuite.schemas.payments.AlertEvidence;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.RuleType;
import dev.streamsuite.schemas.payments.Severity;
import dev.streamsuite.streams.Topic;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.PlainAvroSerdes;
import dev.streamsuite.testsupport.TestDrivers;
import dev.streamsuite.testsupport.TopologySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecommenderTopologyTest {

    private static final RecommenderSettings SETTINGS =
            ServiceSettings.shipped("recommender", RecommenderSettings.class);

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String DEAD_LETTER = "clickstream-recommender.dlq";

    private final RecommenderTopics topics = RecommenderTopics.from(new PlainAvroSerdes());
    private final RecommenderTopology topology = new RecommenderTopology(topics, SETTINGS);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ClickEvent> clicks;
    private TestInputTopic<String, CatalogItem> catalog;
    private TestInputTopic<String, FraudAlert> fraudAlerts;
    private TestOutputTopic<String, Recommendation> recommendations;
    private int sequence;

    @BeforeEach
    void startDriver() {
        driver = TestDrivers.start(topology, "clickstream-recommender-test", DEAD_LETTER, T0);
        clicks = input(topics.clicks());
        catalog = input(topics.catalog());
        fraudAlerts = input(topics.fraudAlerts());
        recommendations = TestDrivers.output(driver, topics.recommendations());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void itemsViewedInOneSessionBecomeRelated() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u1", "sock", ClickType.VIEW, T0.plusSeconds(30));
        click("u1", "lace", ClickType.CART, T0.plusSeconds(60));

        assertThat(related("shoe")).containsExactly("lace", "sock");
        assertThat(related("sock")).contains("shoe", "lace");
    }

    @Test
    void relatedItemsAwaitingPublicationArePublishedAfterARestart() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u1", "sock", ClickType.VIEW, T0.plusSeconds(30));
        assertThat(driver.getKeyValueStore(RecommenderTopology.SIMILAR_ITEMS_STORE)
                        .get("shoe"))
                .isNull();

        // A crash after the commit, before the wall-clock publication: state is restored, nothing else.
        var stores = List.of(RecommenderTopology.ITEM_PAIRS_STORE, RecommenderTopology.PENDING_PUBLICATIONS_STORE);
        var contents = new java.util.HashMap<String, List<org.apache.kafka.streams.KeyValue<String, Object>>>();
        for (String name : stores) {
            var entries = new java.util.ArrayList<org.apache.kafka.streams.KeyValue<String, Object>>();
            try (var all = driver.<String, Object>getKeyValueStore(name).all()) {
                all.forEachRemaining(entries::add);
            }
            contents.put(name, entries);
        }
        closeDriver();
        startDriver();
        contents.forEach((name, entries) -> {
            KeyValueStore<String, Object> store = driver.getKeyValueStore(name);
            entries.forEach(kv -> store.put(kv.key, kv.value));
        });
        publishRankings();

        assertThat(related("shoe")).containsExactly("sock");
        assertThat(related("sock")).containsExactly("shoe");
    }

    @Test
    void aShopperWithoutAClickForTheForgetPeriodIsForgotten() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u2", "sock", ClickType.VIEW, T0.plus(Duration.ofDays(2)));
        KeyValueStore<String, ?> users = driver.getKeyValueStore(RecommenderTopology.USERS_STORE);
        assertThat(users.get("u1")).isNotNull();

        click("u3", "lace", ClickType.VIEW, T0.plus(Duration.ofDays(91)));

        assertThat(users.get("u1")).as("91 days without a click").isNull();
        assertThat(users.get("u2")).as("89 days without a click").isNotNull();
        assertThat(users.get("u3")).isNotNull();
    }

    @Test
    void anItemWhoseRelatedItemsAllDecayedAwayIsDeletedAndItsRankingWithdrawn() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u1", "sock", ClickType.VIEW, T0.plusSeconds(30));
        assertThat(related("shoe")).containsExactly("sock");

        // Sixty days are more than eight half-lives: a view's score is below recommender.min-related-score.
        click("u2", "book", ClickType.VIEW, T0.plus(Duration.ofDays(60)));
        click("u2", "pen", ClickType.VIEW, T0.plus(Duration.ofDays(60)).plusSeconds(30));

        assertThat(related("shoe")).isEmpty();
        assertThat(driver.getKeyValueStore(RecommenderTopology.ITEM_PAIRS_STORE).get("shoe"))
                .isNull();
        assertThat(related("book")).containsExactly("pen");
    }

    @Test
    void clicksSeparatedByMoreThanTheSessionGapAreNotPaired() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u1", "book", ClickType.VIEW, T0.plus(Duration.ofMinutes(45)));

        assertThat(related("shoe")).isEmpty();
    }

    @Test
    void recommendsItemsViewedWithTheShoppersRecentItem() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u1", "sock", ClickType.VIEW, T0.plusSeconds(30));
        publishRankings();
        click("u2", "shoe", ClickType.VIEW, T0.plus(Duration.ofMinutes(5)));

        var forU2 = latestFor("u2");
        assertThat(forU2.getStrategy()).isEqualTo(RecommendationStrategy.PERSONALIZED);
        assertThat(forU2.getItems().get(0)).satisfies(item -> {
            assertThat(item.getItemId()).isEqualTo("sock");
            assertThat(item.getReason()).isEqualTo("viewed with shoe");
        });
    }

    @Test
    void purchasedAndInactiveItemsAreNotRecommended() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u1", "sock", ClickType.VIEW, T0.plusSeconds(10));
        click("u1", "lace", ClickType.VIEW, T0.plusSeconds(20));
        click("u1", "belt", ClickType.VIEW, T0.plusSeconds(30));
        item("lace", "accessories", false);
        publishRankings();
        click("u2", "sock", ClickType.PURCHASE, T0.plus(Duration.ofMinutes(1)));
        click("u2", "shoe", ClickType.VIEW, T0.plus(Duration.ofMinutes(2)));

        assertThat(itemIds(latestFor("u2"))).contains("belt").doesNotContain("sock", "lace", "shoe");
    }

    @Test
    void anItemTheCatalogDeactivatesAfterItWasRecommendedIsNoLongerRecommended() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u1", "sock", ClickType.VIEW, T0.plusSeconds(10));
        item("sock", "accessories", true);
        publishRankings();
        click("u2", "shoe", ClickType.VIEW, T0.plus(Duration.ofMinutes(1)));
        assertThat(itemIds(latestFor("u2"))).contains("sock");

        // The recommendation above read "sock" from the catalog, and the catalog cache kept it: the change reaches it.
        item("sock", "accessories", false);
        click("u3", "shoe", ClickType.VIEW, T0.plus(Duration.ofMinutes(2)));
        assertThat(itemIds(latestFor("u3"))).doesNotContain("sock");

        item("sock", "accessories", true);
        click("u4", "shoe", ClickType.VIEW, T0.plus(Duration.ofMinutes(3)));
        assertThat(itemIds(latestFor("u4"))).contains("sock");
    }

    @Test
    void accountsFlaggedByFraudDetectionDoNotTrainTheModel() {
        flag("acct-bot");
        click("bot", "acct-bot", "shoe", ClickType.VIEW, T0);
        click("bot", "acct-bot", "scam", ClickType.VIEW, T0.plusSeconds(1));

        assertThat(related("shoe")).isEmpty();
        assertThat(recommendations.isEmpty()).isTrue();
        assertThat(metric("excluded-click-total")).isEqualTo(2.0);
    }

    @Test
    void aFlagLapsesAfterTheFlaggedPeriodAndIsThenForgotten() {
        flag("acct-bot");
        click("bot", "acct-bot", "shoe", ClickType.VIEW, T0.plus(Duration.ofDays(29)));
        assertThat(recommendations.isEmpty()).isTrue();

        click("bot", "acct-bot", "shoe", ClickType.VIEW, T0.plus(Duration.ofDays(31)));
        assertThat(recommendations.readValuesToList()).hasSize(1);

        KeyValueStore<String, Long> flagged = driver.getKeyValueStore(RecommenderTopology.FLAGGED_ACCOUNTS_STORE);
        assertThat(flagged.get("acct-bot")).isNotNull();
        flag("acct-other", T0.plus(Duration.ofDays(31)));
        assertThat(flagged.get("acct-bot")).isNull();
        assertThat(flagged.get("acct-other")).isNotNull();
    }

    @Test
    void coldStartFallsBackToTrendingItems() {
        item("shoe", "fashion", true);
        click("u1", "shoe", ClickType.PURCHASE, T0);
        click("u2", "shoe", ClickType.VIEW, T0.plusSeconds(20));
        publishRankings();
        click("u3", "book", ClickType.VIEW, T0.plusSeconds(40));

        var forU3 = latestFor("u3");
        assertThat(forU3.getStrategy()).isEqualTo(RecommendationStrategy.TRENDING);
        assertThat(forU3.getItems()).extracting(RecommendedItem::getItemId).contains("shoe");
        assertThat(forU3.getItems()).extracting(RecommendedItem::getReason).contains("trending");
    }

    @Test
    void publishesAUsersRecommendationsAtMostOncePerInterval() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u1", "sock", ClickType.VIEW, T0.plusSeconds(3));
        click("u1", "lace", ClickType.VIEW, T0.plusSeconds(15));

        assertThat(recommendations.readValuesToList())
                .extracting(Recommendation::getEventTime)
                .containsExactly(T0, T0.plusSeconds(15));
    }

    @Test
    void trendingReflectsTheWholeTrendingWindowNotItsNewestSlice() {
        // Hopping windows of 1 h advancing by 10 min: "book" is popular 40 min ago, "pen" just now.
        for (int i = 0; i < 5; i++) {
            click("reader-" + i, "book", ClickType.VIEW, T0.plusSeconds(i));
        }
        click("writer", "pen", ClickType.VIEW, T0.plus(Duration.ofMinutes(40)));
        publishRankings();
        click("newcomer", "cup", ClickType.VIEW, T0.plus(Duration.ofMinutes(41)));

        var forNewcomer = latestFor("newcomer");
        assertThat(itemIds(forNewcomer)).startsWith("book");
    }

    @Test
    void trendingLeavesOutCountsOlderThanTheWindow() {
        for (int i = 0; i < 5; i++) {
            click("reader-" + i, "book", ClickType.VIEW, T0.plusSeconds(i));
        }
        click("writer", "pen", ClickType.VIEW, T0.plus(Duration.ofMinutes(70)));

        // The window ending with the 10-minute bucket of 70 min starts at 20 min: the books are before it.
        assertThat(model().trending(ModelView.ALL_CATEGORIES, 10))
                .extracting(ScoredItem::itemId)
                .containsExactly("pen");
    }

    @Test
    void aLateClickCountsInTheWindowsThatStillContainIt() {
        click("writer", "pen", ClickType.VIEW, T0.plus(Duration.ofMinutes(60)));
        // 45 minutes late: too late for the windows that ended meanwhile, not for the one up to now.
        click("reader", "book", ClickType.VIEW, T0.plus(Duration.ofMinutes(15)));
        click("writer", "pen", ClickType.VIEW, T0.plus(Duration.ofMinutes(61)));

        assertThat(model().trending(ModelView.ALL_CATEGORIES, 10))
                .extracting(ScoredItem::itemId)
                .containsExactly("pen", "book");
        assertThat(metric("late-click-total")).isZero();
    }

    @Test
    void trendingAddsUpTheCountsOfEveryInputPartition() {
        item("shoe", "fashion", true);
        item("hat", "fashion", true);
        click("u1", "shoe", ClickType.VIEW, T0);
        // Another input partition's counts, as its trending task publishes them.
        var otherPartition = TestDrivers.input(driver, topics.trending());
        otherPartition.pipeInput(
                "fashion|4",
                new TrendingSnapshot(
                        "fashion",
                        T0.minus(Duration.ofMinutes(50)).toEpochMilli(),
                        List.of(new ScoredItemState("hat", 3.0), new ScoredItemState("shoe", 1.0))));
        // A partition without a click for longer than the window is left out.
        otherPartition.pipeInput(
                "fashion|5",
                new TrendingSnapshot(
                        "fashion",
                        T0.minus(Duration.ofHours(3)).toEpochMilli(),
                        List.of(new ScoredItemState("stale", 99.0))));

        var trending = model().trending("fashion", 10);

        assertThat(trending).extracting(ScoredItem::itemId).containsExactly("hat", "shoe");
        assertThat(trending.get(1).score()).isEqualTo(2.0);
    }

    @Test
    void trendingListsArePublishedOncePerIntervalWithTheClicksSinceTheLast() {
        item("shoe", "fashion", true);
        var trending = TestDrivers.output(driver, topics.trending());
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u2", "shoe", ClickType.CART, T0.plusSeconds(1));
        assertThat(trending.isEmpty()).isTrue();

        publishRankings();

        var published = trending.readKeyValuesToMap();
        assertThat(published).containsOnlyKeys("*|0", "fashion|0");
        assertThat(published.get("fashion|0").getItems())
                .containsExactly(new ScoredItemState("shoe", 4.0)); // a view (1) and a cart (3)
        assertThat(published.get("fashion|0").getWindowStart())
                .isEqualTo(T0.minus(Duration.ofMinutes(50)).toEpochMilli());
        publishRankings();
        assertThat(trending.isEmpty()).as("nothing changed since").isTrue();
    }

    @Test
    void clicksTooLateForEveryTrendingWindowAreCounted() {
        click("u1", "shoe", ClickType.VIEW, T0.plus(Duration.ofHours(3)));
        click("u2", "shoe", ClickType.VIEW, T0);
        click("u3", "shoe", ClickType.VIEW, T0.plus(Duration.ofHours(2).plusMinutes(30)));

        assertThat(metric("late-click-total")).isEqualTo(1.0);
    }

    @Test
    void clickWhoseKeyIsNotItsUserGoesToTheDeadLetterTopic() {
        clicks.pipeInput(
                "someone-else",
                ClickEvent.newBuilder()
                        .setEventId("e-x")
                        .setUserId("u1")
                        .setAccountId(null)
                        .setItemId("shoe")
                        .setType(ClickType.VIEW)
                        .setSessionId(null)
                        .setEventTime(T0)
                        .build(),
                T0);

        assertThat(TestDrivers.deadLetterMessages(driver, DEAD_LETTER))
                .singleElement()
                .asString()
                .contains("must be the userId");
    }

    @Test
    void aClickOutOfOrderWithinTheGapJoinsItsSession() {
        click("u1", "sock", ClickType.VIEW, T0.plus(Duration.ofMinutes(20)));
        click("u1", "shoe", ClickType.VIEW, T0);

        assertThat(related("shoe")).containsExactly("sock");
        assertThat(related("sock")).containsExactly("shoe");
        assertThat(metric("session-late-click-total")).isZero();
    }

    @Test
    void aClickFromBeforeTheOpenSessionIsPairedWithNothingAndCounted() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u1", "book", ClickType.VIEW, T0.plus(Duration.ofMinutes(40)));
        // Within gap + grace of the stream time, but more than a gap before the open session (the book's).
        click("u1", "sock", ClickType.VIEW, T0.plus(Duration.ofMinutes(5)));
        // Past gap + grace of the stream time.
        click("u1", "lace", ClickType.VIEW, T0.plus(Duration.ofMinutes(40)).minus(Duration.ofMinutes(36)));

        assertThat(related("book")).isEmpty();
        assertThat(related("sock")).isEmpty();
        assertThat(metric("session-late-click-total")).isEqualTo(2.0);
        assertThat(sessionItems("u1")).containsExactly("book");
    }

    @Test
    void sessionsNoClickCanJoinAnyMoreAreDeleted() {
        click("u1", "shoe", ClickType.VIEW, T0);
        click("u2", "sock", ClickType.VIEW, T0.plus(Duration.ofMinutes(30)));
        assertThat(sessionItems("u1")).containsExactly("shoe");

        // Stream time past the sweep interval: u1's newest click is more than gap + grace behind, u2's is not.
        click("u3", "lace", ClickType.VIEW, T0.plus(SETTINGS.sweepInterval()));

        assertThat(sessionItems("u1")).as("ended at T0").isEmpty();
        assertThat(sessionItems("u2")).containsExactly("sock");
        assertThat(sessionItems("u3")).containsExactly("lace");
    }

    private List<String> sessionItems(String user) {
        KeyValueStore<String, SessionState> sessions = driver.getKeyValueStore(RecommenderTopology.OPEN_SESSIONS_STORE);
        var session = sessions.get(user);
        return session == null
                ? List.of()
                : session.items().stream().map(ItemInteraction::itemId).toList();
    }

    @Test
    void sessionsFollowTheClicksEventTimeNotTheRecordTimestamp() {
        // Published an hour apart, clicked 30 s apart: one session.
        clicks.pipeInput("u1", clickEvent("u1", "shoe", T0), T0);
        clicks.pipeInput("u1", clickEvent("u1", "sock", T0.plusSeconds(30)), T0.plus(Duration.ofHours(1)));

        assertThat(related("shoe")).containsExactly("sock");
    }

    @Test
    void invalidClicksGoToTheDeadLetterTopic() {
        click("u1", "", ClickType.VIEW, T0);
        click("u1", "shoe", ClickType.UNKNOWN, T0);

        var reasons = TestDrivers.deadLetterMessages(driver, DEAD_LETTER);
        assertThat(reasons).satisfiesExactly(r -> assertThat(r).contains("needs its itemId"), r -> assertThat(r)
                .contains("VIEW, CART or PURCHASE"));
    }

    @Test
    void topologyMatchesTheReviewedSnapshot() {
        TopologySnapshot.assertMatchesSnapshot(new RecommenderTopology(topics, SETTINGS).build(new Properties()));
    }

    private List<String> related(String itemId) {
        publishRankings();
        KeyValueStore<String, SimilarItems> store = driver.getKeyValueStore(RecommenderTopology.SIMILAR_ITEMS_STORE);
        var similar = store.get(itemId);
        return similar == null
                ? List.of()
                : similar.getItems().stream().map(i -> i.getItemId()).toList();
    }

    /** Related-item rankings and trending lists are published by wall-clock punctuators. */
    private void publishRankings() {
        driver.advanceWallClockTime(SETTINGS.publishInterval());
    }

    private Recommendation latestFor(String user) {
        var all = recommendations.readKeyValuesToMap();
        assertThat(all).containsKey(user);
        return all.get(user);
    }

    private static List<String> itemIds(Recommendation recommendation) {
        return recommendation.getItems().stream()
                .map(RecommendedItem::getItemId)
                .toList();
    }

    private ModelView model() {
        publishRankings();
        return topology.model(
                driver.getKeyValueStore(RecommenderTopology.SIMILAR_ITEMS_STORE),
                driver.getTimestampedKeyValueStore(RecommenderTopology.CATALOG_STORE));
    }

    private double metric(String name) {
        return TestDrivers.metricTotal(driver, name);
    }

    private ClickEvent clickEvent(String user, String item, Instant at) {
        return ClickEvent.newBuilder()
                .setEventId("e-" + (++sequence))
                .setUserId(user)
                .setAccountId(null)
                .setItemId(item)
                .setType(ClickType.VIEW)
                .setSessionId(null)
                .setEventTime(at)
                .build();
    }

    private void click(String user, String item, ClickType type, Instant at) {
        click(user, null, item, type, at);
    }

    private void click(String user, String account, String item, ClickType type, Instant at) {
        clicks.pipeInput(
                user,
                ClickEvent.newBuilder()
                        .setEventId("e-" + (++sequence))
                        .setUserId(user)
                        .setAccountId(account)
                        .setItemId(item)
                        .setType(type)
                        .setSessionId(null)
                        .setEventTime(at)
                        .build(),
                at);
    }

    private void item(String itemId, String category, boolean active) {
        catalog.pipeInput(
                itemId,
                CatalogItem.newBuilder()
                        .setItemId(itemId)
                        .setTitle(itemId)
                        .setCategory(category)
                        .setActive(active)
                        .setUpdatedAt(T0)
                        .build(),
                T0);
    }

    private void flag(String account) {
        flag(account, T0);
    }

    private void flag(String account, Instant at) {
        fraudAlerts.pipeInput(
                "card-9",
                FraudAlert.newBuilder()
                        .setAlertId("a-1")
                        .setCardId("card-9")
                        .setAccountId(account)
                        .setTransactionId("tx-1")
                        .setRuleId("velocity")
                        .setRuleVersion(0)
                        .setRuleType(RuleType.VELOCITY)
                        .setSeverity(Severity.HIGH)
                        .setScore(0.9)
                        .setReason("test")
                        .setEvidence(new AlertEvidence(List.of("tx-1"), null, Map.of()))
                        .setEventTime(at)
                        .build(),
                at);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return TestDrivers.input(driver, topic);
    }
}
