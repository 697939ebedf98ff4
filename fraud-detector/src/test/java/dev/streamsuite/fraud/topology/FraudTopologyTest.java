package dev.streamsuite.fraud.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.fraud.state.CardState;
import dev.streamsuite.schemas.common.GeoLocation;
import dev.streamsuite.schemas.payments.BlocklistEntry;
import dev.streamsuite.schemas.payments.BlocklistKind;
import dev.streamsuite.schemas.payments.Channel;
import dev.streamsuite.schemas.payments.DecisionOutcome;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.FraudRule;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.schemas.payments.RuleType;
import dev.streamsuite.schemas.payments.Severity;
import dev.streamsuite.schemas.payments.Transaction;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FraudTopologyTest {

    private static final FraudSettings SETTINGS = ServiceSettings.shipped("fraud", FraudSettings.class);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String DEAD_LETTER = "fraud-detector.dlq";
    private static final GeoLocation PARIS = new GeoLocation(48.8566, 2.3522);
    private static final GeoLocation NEW_YORK = new GeoLocation(40.7128, -74.0060);

    private final FraudTopics topics = FraudTopics.from(new PlainAvroSerdes());
    private TopologyTestDriver driver;
    private TestInputTopic<String, Transaction> payments;
    private TestInputTopic<String, FraudRule> rules;
    private TestInputTopic<String, BlocklistEntry> blocklist;
    private TestOutputTopic<String, FraudAlert> alerts;
    private TestOutputTopic<String, PaymentDecision> decisions;
    private int sequence;

    @BeforeEach
    void startDriver() {
        startDriver(SETTINGS);
    }

    private void startDriver(FraudSettings settings) {
        driver = TestDrivers.start(new FraudTopology(topics, settings), "fraud-detector-test", DEAD_LETTER, T0);
        payments = input(topics.transactions());
        rules = input(topics.rules());
        blocklist = input(topics.blocklist());
        alerts = TestDrivers.output(driver, topics.alerts());
        decisions = TestDrivers.output(driver, topics.decisions());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void decidesOnEveryPaymentAndApprovesOrdinaryOnes() {
        pay("card-1", 2_000, T0);
        pay("card-1", 3_500, T0.plus(Duration.ofHours(2)));
        pay("card-2", 1_000, T0.plus(Duration.ofHours(3)));

        var decided = decisions.readKeyValuesToList();
        assertThat(decided).hasSize(3);
        assertThat(decided).allSatisfy(kv -> {
            assertThat(kv.key).isEqualTo(kv.value.getTransactionId());
            assertThat(kv.value.getOutcome()).isEqualTo(DecisionOutcome.APPROVE);
            assertThat(kv.value.getFiredRuleIds()).isEmpty();
        });
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void alertsOnceWhenVelocityLimitIsCrossed() {
        for (int i = 0; i < 8; i++) {
            pay("card-1", 1_000, T0.plusSeconds(5L * i));
        }

        var raised = alerts.readValuesToList();
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.getRuleId()).isEqualTo("velocity");
            assertThat(alert.getRuleVersion()).isZero();
            assertThat(alert.getCardId()).isEqualTo("card-1");
            assertThat(alert.getEvidence().getTransactionIds()).hasSize(6);
            assertThat(alert.getEvidence().getFigures()).containsEntry("count", 6.0);
            assertThat(alert.getReason()).contains("6");
        });
        var outcomes = decisions.readValuesToList().stream()
                .map(PaymentDecision::getOutcome)
                .toList();
        assertThat(outcomes.subList(0, 5)).containsOnly(DecisionOutcome.APPROVE);
        assertThat(outcomes.subList(5, 8)).doesNotContain(DecisionOutcome.APPROVE);
    }

    @Test
    void aRestartWithItsStateDecidesExactlyAsAnUninterruptedRun() {
        publishRule("velocity", 2, RuleType.VELOCITY, true, Map.of("maxPayments", "3"));
        for (int i = 0; i < 3; i++) {
            pay("card-1", 1_000, T0.plusSeconds(i));
        }
        var before = decisions.readValuesToList();

        restartKeepingState();
        for (int i = 3; i < 6; i++) {
            pay("card-1", 1_000, T0.plusSeconds(i));
        }
        var restarted = new java.util.ArrayList<>(before);
        restarted.addAll(decisions.readValuesToList());
        var restartedAlerts = alerts.readValuesToList();

        closeDriver();
        startDriver();
        sequence = 0;
        publishRule("velocity", 2, RuleType.VELOCITY, true, Map.of("maxPayments", "3"));
        for (int i = 0; i < 6; i++) {
            pay("card-1", 1_000, T0.plusSeconds(i));
        }

        // The fourth payment exceeds the limit only if the restart kept the first three.
        assertThat(restartedAlerts).singleElement().satisfies(alert -> assertThat(alert.getRuleVersion())
                .isEqualTo(2));
        assertThat(restartedAlerts).isEqualTo(alerts.readValuesToList());
        assertThat(restarted).hasSize(6).isEqualTo(decisions.readValuesToList());
    }

    @Test
    void appliesANewRuleVersionAtRuntimeAndNamesItInTheAlert() {
        publishRule("velocity", 2, RuleType.VELOCITY, true, Map.of("maxPayments", "2", "window", "PT1M"));

        for (int i = 0; i < 3; i++) {
            pay("card-1", 1_000, T0.plusSeconds(i));
        }

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getRuleId()).isEqualTo("velocity");
            assertThat(alert.getRuleVersion()).isEqualTo(2);
        });
    }

    @Test
    void disabledRuleStopsFiring() {
        publishRule("velocity", 1, RuleType.VELOCITY, false, Map.of());

        for (int i = 0; i < 8; i++) {
            pay("card-1", 1_000, T0.plusSeconds(i));
        }

        assertThat(alerts.readValuesToList()).isEmpty();
    }

    @Test
    void anAddedRuleInstanceFiresAlongsideTheBuiltInOne() {
        publishRule("velocity-strict", 1, RuleType.VELOCITY, true, Map.of("maxPayments", "2"));

        for (int i = 0; i < 6; i++) {
            pay("card-1", 1_000, T0.plusSeconds(i));
        }

        assertThat(alerts.readValuesToList())
                .extracting(FraudAlert::getRuleId)
                .containsExactly("velocity-strict", "velocity");
    }

    @Test
    void ruleWithInvalidParametersIsIgnoredAndTheRestKeepsWorking() {
        publishRule("velocity", 3, RuleType.VELOCITY, true, Map.of("window", "one minute"));

        for (int i = 0; i < 6; i++) {
            pay("card-1", 1_000, T0.plusSeconds(i));
        }

        // Version 3 is unusable, so the built-in default (limit 5) stays in force.
        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> assertThat(alert.getRuleVersion())
                .isZero());
        assertThat(decisions.readValuesToList()).hasSize(6);
        assertThat(deadLetterMessages())
                .singleElement()
                .asString()
                .contains("Ignoring version 3 of rule 'velocity'", "window", "last usable version stays in force");
    }

    @Test
    void theLastUsableVersionStaysInForceAfterARestartEvenWhenCompactionRemovedIt() {
        publishRule("velocity", 2, RuleType.VELOCITY, true, Map.of("maxPayments", "2"));
        publishRule("velocity", 3, RuleType.VELOCITY, true, Map.of("maxPayments", "-1"));

        // A new instance: the rules topic was compacted down to the unusable version 3.
        restartKeepingState();
        publishRule("velocity", 3, RuleType.VELOCITY, true, Map.of("maxPayments", "-1"));
        for (int i = 0; i < 3; i++) {
            pay("card-1", 1_000, T0.plusSeconds(i));
        }

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> assertThat(alert.getRuleVersion())
                .isEqualTo(2));
    }

    @Test
    void aPaymentKeyedByAnythingButItsCardGoesToTheDeadLetterTopic() {
        var byAccount = payment("card-1", 1_000, T0).build();
        payments.pipeInput(byAccount.getAccountId(), byAccount, T0);
        payments.pipeInput(null, payment("card-1", 1_000, T0).build(), T0);
        pay("card-1", 1_000, T0.plusSeconds(1));

        assertThat(deadLetterMessages())
                .satisfiesExactly(
                        m -> assertThat(m).contains("the record key 'acct-card-1' must be the cardId 'card-1'"),
                        m -> assertThat(m).contains("the record key 'null' must be the cardId 'card-1'"));
        assertThat(decisions.readValuesToList()).hasSize(1);
    }

    @Test
    void aBlocklistEntryUnderAnotherKeyIsSkippedAndTheRestStillWorks() {
        blocklist.pipeInput(
                "MERCHANT:m-other",
                BlocklistEntry.newBuilder()
                        .setEntryId("b-1")
                        .setKind(BlocklistKind.MERCHANT)
                        .setValue("m-1")
                        .setReason("mis-keyed")
                        .setAddedAt(T0)
                        .setExpiresAt(null)
                        .build(),
                T0);
        var rawBlocklist =
                driver.createInputTopic(topics.blocklist().name(), new StringSerializer(), new ByteArraySerializer());
        rawBlocklist.pipeInput("MERCHANT:m-2", new byte[] {0, 0, 0, 0, 7}, T0);
        pay("card-1", 1_000, T0);

        assertThat(driver.getTimestampedKeyValueStore(FraudTopology.BLOCKLIST_STORE)
                        .approximateNumEntries())
                .isZero();
        assertThat(decisions.readValuesToList()).singleElement().satisfies(d -> assertThat(d.getOutcome())
                .isEqualTo(DecisionOutcome.APPROVE));
    }

    @Test
    void anUnusableNewVersionLeavesTheLastUsableVersionInForce() {
        publishRule("velocity", 2, RuleType.VELOCITY, true, Map.of("maxPayments", "2"));
        pay("card-1", 1_000, T0);
        publishRule("velocity", 3, RuleType.VELOCITY, true, Map.of("maxPayments", "-1"));

        pay("card-1", 1_000, T0.plusSeconds(1));
        pay("card-1", 1_000, T0.plusSeconds(2));

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> assertThat(alert.getRuleVersion())
                .isEqualTo(2));
    }

    @Test
    void paymentDatedFarAheadOfWhenItWasProducedGoesToTheDeadLetterTopic() {
        var future = payment("card-1", 1_000, T0.plus(Duration.ofDays(2))).build();
        payments.pipeInput(future.getCardId(), future, T0);

        assertThat(deadLetterMessages())
                .singleElement()
                .asString()
                .contains("more than PT1H ahead of when the record was produced (its Kafka timestamp " + T0);
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void blocklistedMerchantIsDeclinedWithACriticalAlertUntilTheEntryExpires() {
        block(BlocklistKind.MERCHANT, "m-evil", T0.plus(Duration.ofHours(1)));

        pay(payment("card-1", 1_000, T0).setMerchantId("m-evil").build());
        pay(payment("card-2", 1_000, T0.plus(Duration.ofHours(2)))
                .setMerchantId("m-evil")
                .build());

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getRuleType()).isEqualTo(RuleType.BLOCKLIST);
            assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.getCardId()).isEqualTo("card-1");
        });
        assertThat(decisions.readValuesToList())
                .extracting(PaymentDecision::getOutcome)
                .containsExactly(DecisionOutcome.DECLINE, DecisionOutcome.APPROVE);
    }

    @Test
    void tombstoneOnTheBlocklistUnblocks() {
        block(BlocklistKind.CARD, "card-1", null);
        pay("card-1", 1_000, T0);
        assertThat(alerts.readValuesToList()).extracting(FraudAlert::getRuleId).containsExactly("blocklist");

        blocklist.pipeInput("CARD:card-1", null, T0);
        pay("card-1", 1_000, T0.plus(Duration.ofHours(1)));

        assertThat(alerts.readValuesToList()).isEmpty();
    }

    @Test
    void alertsOnImpossibleTravelWithTheSpeedAsEvidence() {
        pay(payment("card-1", 5_000, T0).setLocation(PARIS).build());
        pay(payment("card-1", 5_000, T0.plus(Duration.ofHours(1)))
                .setLocation(NEW_YORK)
                .build());

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getRuleId()).isEqualTo("impossible-travel");
            assertThat(alert.getEvidence().getFigures().get("speedKmh")).isGreaterThan(5_000.0);
            assertThat(alert.getEvidence().getTransactionIds()).hasSize(2);
        });
    }

    @Test
    void paymentsWithoutLocationAreSkippedByTheTravelRule() {
        pay(payment("card-1", 5_000, T0).setLocation(PARIS).build());
        pay("card-1", 5_000, T0.plus(Duration.ofMinutes(30)));
        pay(payment("card-1", 5_000, T0.plus(Duration.ofHours(20)))
                .setLocation(NEW_YORK)
                .build());

        assertThat(alerts.readValuesToList()).isEmpty();
    }

    @Test
    void alertsWhenAnAmountIsFarAboveTheCardsBaseline() {
        for (int i = 0; i < 12; i++) {
            pay("card-1", 2_000 + (i % 3) * 100, T0.plus(Duration.ofHours(i)));
        }
        pay("card-1", 500_000, T0.plus(Duration.ofHours(13)));

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getRuleId()).isEqualTo("amount-anomaly");
            assertThat(alert.getEvidence().getFigures()).containsKey("zScore");
        });
    }

    @Test
    void alertsOnCardTestingBurstFollowedByALargePayment() {
        pay("card-1", 100, T0);
        pay("card-1", 50, T0.plusSeconds(20));
        pay("card-1", 150, T0.plusSeconds(40));
        pay("card-1", 90_000, T0.plusSeconds(90));

        assertThat(alerts.readValuesToList()).extracting(FraudAlert::getRuleId).containsExactly("card-testing");
    }

    @Test
    void cooldownLetsTheSameRuleAlertAgainForANewIncident() {
        for (int i = 0; i < 6; i++) {
            pay("card-1", 1_000, T0.plusSeconds(i));
        }
        Instant later = T0.plus(Duration.ofMinutes(30));
        for (int i = 0; i < 6; i++) {
            pay("card-1", 1_000, later.plusSeconds(i));
        }

        assertThat(alerts.readValuesToList())
                .hasSize(2)
                .extracting(FraudAlert::getRuleId)
                .containsOnly("velocity");
    }

    @Test
    void outOfOrderPaymentsWithinTheGraceCountAtTheirOwnEventTime() {
        // Arrival order differs from event order; the last to arrive sees the five before it in its window.
        int[] seconds = {10, 0, 30, 20, 40, 50};
        for (int s : seconds) {
            pay("card-1", 1_000, T0.plusSeconds(s));
        }

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getRuleId()).isEqualTo("velocity");
            assertThat(alert.getEventTime()).isEqualTo(T0.plusSeconds(50));
        });
    }

    @Test
    void paymentLaterThanTheGraceIsDecidedButNotRecorded() {
        pay("card-1", 1_000, T0.plus(Duration.ofHours(1)));
        for (int i = 0; i < 6; i++) {
            pay("card-1", 1_000, T0.plusSeconds(i));
        }

        assertThat(decisions.readValuesToList()).hasSize(7);
        assertThat(alerts.readValuesToList()).isEmpty();
        KeyValueStore<String, CardState> cards = driver.getKeyValueStore(FraudTopology.CARD_STATE_STORE);
        assertThat(cards.get("card-1").getPayments()).hasSize(1);
    }

    @Test
    void invalidPaymentsGoToTheDeadLetterTopicWithAReason() {
        pay(payment("card-1", -100, T0).build());
        pay(payment("card-1", 100, T0).setCurrency("XYZ").build());
        pay(payment("", 100, T0).build());
        pay("card-1", 1_000, T0.plusSeconds(1));

        assertThat(deadLetterMessages())
                .satisfiesExactly(
                        m -> assertThat(m).contains("amountMinor is negative"),
                        m -> assertThat(m).contains("'XYZ' is not an ISO 4217 code"),
                        m -> assertThat(m).contains("needs a cardId"));
        assertThat(decisions.readValuesToList()).hasSize(1);
    }

    @Test
    void undeserializableBytesGoToTheDeadLetterTopic() {
        var raw = driver.createInputTopic(
                topics.transactions().name(), new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput("card-1", new byte[] {1, 2, 3}, T0);
        pay("card-1", 1_000, T0.plusSeconds(1));

        assertThat(driver.createOutputTopic(DEAD_LETTER, new StringDeserializer(), new ByteArrayDeserializer())
                        .readValuesToList())
                .containsExactly(new byte[] {1, 2, 3});
        assertThat(decisions.readValuesToList()).hasSize(1);
    }

    @Test
    void thePlausibilityOfEventTimesDoesNotDependOnThisInstancesClock() {
        // This instance's clock is days behind the producer's (or a replay runs on another day):
        // the same records, the same decisions.
        Instant producerNow = Instant.now().plus(Duration.ofDays(3));
        pay("card-1", 1_000, producerNow);
        var ahead = payment("card-1", 1_000, producerNow.plus(Duration.ofMinutes(59)))
                .build();
        payments.pipeInput(ahead.getCardId(), ahead, producerNow);

        assertThat(decisions.readValuesToList()).hasSize(2);
        assertThat(deadLetterMessages()).isEmpty();
    }

    @Test
    void forgetsCardsInactiveForLongerThanTheInactivityPeriod() {
        pay("card-old", 1_000, T0);
        pay("card-new", 1_000, T0.plus(SETTINGS.state().cardInactivity()).plus(Duration.ofHours(2)));

        KeyValueStore<String, CardState> cards = driver.getKeyValueStore(FraudTopology.CARD_STATE_STORE);
        assertThat(cards.get("card-old")).isNull();
        assertThat(cards.get("card-new")).isNotNull();
    }

    @Test
    void anExpiryScanLooksAtOneBatchOfCardsAndTheNextGoesOnWhereItStopped() {
        closeDriver();
        startDriver(
                ServiceSettings.shipped("fraud", FraudSettings.class, Map.of("fraud.state.expiry-scan-batch", "2")));
        for (String card : List.of("card-a", "card-b", "card-c", "card-d", "card-e")) {
            pay(card, 1_000, T0);
        }
        KeyValueStore<String, CardState> cards = driver.getKeyValueStore(FraudTopology.CARD_STATE_STORE);
        Instant idle = T0.plus(SETTINGS.state().cardInactivity()).plus(Duration.ofHours(2));
        Duration scan = SETTINGS.state().expiryScanInterval();

        pay("card-new", 1_000, idle);
        assertThat(remaining(cards)).as("after one scan").hasSize(4).contains("card-new");
        pay("card-new", 1_000, idle.plus(scan));
        assertThat(remaining(cards)).as("after two scans").hasSize(2).contains("card-new");
        pay("card-new", 1_000, idle.plus(scan.multipliedBy(2)));
        assertThat(remaining(cards)).as("after three scans").containsExactly("card-new");
    }

    private static List<String> remaining(KeyValueStore<String, CardState> cards) {
        var keys = new java.util.ArrayList<String>();
        try (var all = cards.all()) {
            all.forEachRemaining(card -> keys.add(card.key));
        }
        return keys;
    }

    @Test
    void topologyMatchesTheReviewedSnapshot() {
        TopologySnapshot.assertMatchesSnapshot(new FraudTopology(topics, SETTINGS).build(new Properties()));
    }

    /**
     * A new driver whose stores hold what the old one's held and whose rules in force topic
     * holds what the old one wrote there: what a restarted instance restores.
     */
    private void restartKeepingState() {
        KeyValueStore<String, CardState> oldCards = driver.getKeyValueStore(FraudTopology.CARD_STATE_STORE);
        var cards = new java.util.ArrayList<org.apache.kafka.streams.KeyValue<String, CardState>>();
        try (var all = oldCards.all()) {
            all.forEachRemaining(cards::add);
        }
        var inForce = TestDrivers.output(driver, topics.rulesInForce()).readRecordsToList();
        closeDriver();
        startDriver();
        KeyValueStore<String, CardState> newCards = driver.getKeyValueStore(FraudTopology.CARD_STATE_STORE);
        cards.forEach(kv -> newCards.put(kv.key, kv.value));
        var restored = input(topics.rulesInForce());
        inForce.forEach(restored::pipeInput);
    }

    private java.util.List<String> deadLetterMessages() {
        return TestDrivers.deadLetterMessages(driver, DEAD_LETTER);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return TestDrivers.input(driver, topic);
    }

    private void pay(String card, long amountMinor, Instant at) {
        pay(payment(card, amountMinor, at).build());
    }

    private void pay(Transaction payment) {
        payments.pipeInput(payment.getCardId(), payment, payment.getEventTime());
    }

    private Transaction.Builder payment(String card, long amountMinor, Instant at) {
        return Transaction.newBuilder()
                .setTransactionId("tx-" + (++sequence))
                .setCardId(card)
                .setAccountId("acct-" + card)
                .setMerchantId("m-1")
                .setMerchantCategoryCode("5411")
                .setAmountMinor(amountMinor)
                .setCurrency("EUR")
                .setCountry("FR")
                .setLocation(null)
                .setChannel(Channel.CARD_PRESENT)
                .setEventTime(at);
    }

    private void publishRule(String id, int version, RuleType type, boolean enabled, Map<String, String> parameters) {
        rules.pipeInput(
                id,
                FraudRule.newBuilder()
                        .setRuleId(id)
                        .setVersion(version)
                        .setType(type)
                        .setParameters(parameters)
                        .setEnabled(enabled)
                        .setUpdatedAt(T0)
                        .build(),
                T0);
    }

    private void block(BlocklistKind kind, String value, Instant expiresAt) {
        blocklist.pipeInput(
                kind + ":" + value,
                BlocklistEntry.newBuilder()
                        .setEntryId("b-" + value)
                        .setKind(kind)
                        .setValue(value)
                        .setReason("confirmed fraud ring")
                        .setAddedAt(T0)
                        .setExpiresAt(expiresAt)
                        .build(),
                T0);
    }
}
