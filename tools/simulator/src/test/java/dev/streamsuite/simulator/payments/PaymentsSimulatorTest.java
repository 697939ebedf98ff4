package dev.streamsuite.simulator.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.fraud.domain.AmountBaseline;
import dev.streamsuite.fraud.domain.GeoPoint;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.BlocklistEntry;
import dev.streamsuite.schemas.payments.BlocklistKind;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.simulator.GroundTruth;
import dev.streamsuite.simulator.RecordingEmit;
import dev.streamsuite.simulator.payments.PaymentsSimulator.Scenario;
import dev.streamsuite.simulator.payments.PaymentsSimulator.Settings;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentsSimulatorTest {

    private static final Instant START = Instant.parse("2025-03-10T08:00:00Z");
    private static final InstantSource WALL = InstantSource.fixed(Instant.parse("2025-03-10T08:00:00.123Z"));
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String TRANSACTIONS = TopicCatalog.TRANSACTIONS.name();

    private final RecordingEmit emit = new RecordingEmit();

    private PaymentsSimulator simulator(long seed, int cards, Settings settings) {
        return new PaymentsSimulator(seed, cards, emit, WALL, settings);
    }

    private static Settings quiet() {
        return Settings.defaults().withScenariosPerSecond(0);
    }

    private List<Transaction> payments() {
        return emit.values(TRANSACTIONS, Transaction.class);
    }

    private List<Transaction> paymentsOf(String cardId) {
        return payments().stream().filter(tx -> tx.getCardId().equals(cardId)).toList();
    }

    private Transaction payment(String transactionId) {
        return payments().stream()
                .filter(tx -> tx.getTransactionId().equals(transactionId))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"1, 200, 60, 1.0", "2, 200, 60, 1.0", "3, 50, 360, 0.25"})
    void normalTrafficTripsNoRule(long seed, int cards, int minutes, double rate) {
        PaymentsSimulator simulator = simulator(seed, cards, quiet().withPaymentsPerSecond(rate));
        simulator.publishReferenceData();
        RecordingEmit.run(START, START.plus(Duration.ofMinutes(minutes)), SECOND, simulator);

        List<Transaction> payments = payments();
        double expected = rate * minutes * 60;
        assertThat((double) payments.size()).isBetween(expected * 0.85, expected * 1.1);
        assertThat(payments.stream().map(Transaction::getTransactionId).distinct())
                .hasSize(payments.size())
                .allMatch(id -> id.startsWith("tx-" + seed + "-"));
        var verdict = FraudDetectorJudge.judge(emit.sent);
        assertThat(verdict.deadLettered()).isEmpty();
        assertThat(verdict.decisions()).as("every payment decided").isEqualTo(payments.size());
        assertThat(verdict.alerts()).isEmpty();
        assertThat(verdict.paymentsThatFiredARule()).isEmpty();

        Map<String, List<Transaction>> byCard =
                payments.stream().collect(Collectors.groupingBy(Transaction::getCardId));
        for (List<Transaction> card : byCard.values()) {
            for (int i = 0; i < card.size(); i++) {
                Transaction tx = card.get(i);
                assertThat(tx.getAmountMinor()).isBetween(201L, 9_999L);
                if (i > 0) {
                    assertThat(Duration.between(card.get(i - 1).getEventTime(), tx.getEventTime()))
                            .isGreaterThanOrEqualTo(Duration.ofMinutes(2));
                }
            }
            List<Transaction> located =
                    card.stream().filter(tx -> tx.getLocation() != null).toList();
            for (int i = 1; i < located.size(); i++) {
                assertThat(distanceKm(located.get(i - 1), located.get(i))).isLessThan(10.0);
            }
        }
        long locatedCount =
                payments.stream().filter(tx -> tx.getLocation() != null).count();
        assertThat((double) locatedCount / payments.size()).isBetween(0.65, 0.75);
        assertThat(byCard).hasSizeGreaterThan(cards * 9 / 10);
    }

    @Test
    void velocityBurstIsSevenPaymentsWithinTwentySecondsAndTheSixthTriggers() {
        PaymentsSimulator simulator = simulator(5, 50, quiet());
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofMinutes(10)), SECOND, simulator);
        String id = simulator.startScenario(Scenario.VELOCITY, t).orElseThrow();
        RecordingEmit.run(t.plus(SECOND), t.plus(Duration.ofMinutes(1)), SECOND, simulator);

        List<GroundTruth> truths = simulator.drainGroundTruth();
        assertThat(truths).hasSize(1);
        GroundTruth truth = truths.get(0);
        assertThat(truth.scenarioId()).isEqualTo(id);
        assertThat(truth.domain()).isEqualTo("payments");
        assertThat(truth.kind()).isEqualTo("VELOCITY");
        assertThat(truth.sentAt()).isEqualTo(WALL.instant());

        List<Transaction> card = paymentsOf(truth.entityId());
        List<Transaction> burst = card.stream()
                .filter(tx -> !tx.getEventTime().isBefore(truth.from()))
                .filter(tx -> tx.getEventTime().isBefore(truth.from().plus(Duration.ofMinutes(1))))
                .toList();
        assertThat(burst).hasSize(7);
        assertThat(Duration.between(burst.get(0).getEventTime(), burst.get(6).getEventTime()))
                .isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(burst.get(5).getTransactionId()).isEqualTo(truth.triggerEventId());
        assertThat(burst.get(5).getEventTime()).isEqualTo(truth.to());
        assertThat(card.stream()
                        .filter(tx -> tx.getEventTime().isBefore(truth.from()))
                        .filter(tx -> tx.getEventTime().isAfter(truth.from().minus(Duration.ofSeconds(90)))))
                .isEmpty();
        assertThat(simulator.scenariosInProgress()).isFalse();
    }

    @Test
    void aVelocityBurstCompromisesTheAccountForALittleWhile() {
        PaymentsSimulator simulator = simulator(6, 20, quiet());
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofMinutes(5)), SECOND, simulator);
        simulator.startScenario(Scenario.VELOCITY, t).orElseThrow();
        RecordingEmit.run(t.plus(SECOND), t.plus(Duration.ofSeconds(30)), SECOND, simulator);
        GroundTruth truth = simulator.drainGroundTruth().get(0);
        String account = payment(truth.triggerEventId()).getAccountId();

        assertThat(simulator.compromisedAccounts(truth.to().plusSeconds(9))).isEmpty();
        assertThat(simulator.compromisedAccounts(truth.to().plusSeconds(10))).containsExactly(account);
        assertThat(simulator.compromisedAccounts(truth.to().plus(Duration.ofMinutes(10))))
                .containsExactly(account);
        assertThat(simulator.compromisedAccounts(truth.to().plus(Duration.ofMinutes(11))))
                .isEmpty();
    }

    @Test
    void amountSpikeNeedsHistoryAndIsSixtyTimesTheUsualAmount() {
        PaymentsSimulator simulator = simulator(7, 20, quiet().withPaymentsPerSecond(20.0 / 150));
        simulator.tick(START);
        assertThat(simulator.startScenario(Scenario.AMOUNT_SPIKE, START)).isEmpty();

        Instant t = RecordingEmit.run(START.plus(SECOND), START.plus(Duration.ofHours(1)), SECOND, simulator);
        String id = simulator.startScenario(Scenario.AMOUNT_SPIKE, t).orElseThrow();
        simulator.tick(t.plus(SECOND));

        GroundTruth truth = simulator.drainGroundTruth().get(0);
        assertThat(truth.scenarioId()).isEqualTo(id);
        assertThat(truth.kind()).isEqualTo("AMOUNT_ANOMALY");
        assertThat(truth.from()).isEqualTo(truth.to());
        List<Transaction> card = paymentsOf(truth.entityId());
        Transaction spike = card.get(card.size() - 1);
        assertThat(spike.getTransactionId()).isEqualTo(truth.triggerEventId());
        List<Transaction> before = card.subList(0, card.size() - 1);
        assertThat(before).hasSizeGreaterThanOrEqualTo(12);
        long maxBefore =
                before.stream().mapToLong(Transaction::getAmountMinor).max().orElseThrow();
        assertThat(spike.getAmountMinor()).isGreaterThan(maxBefore * 30);
        assertThat(zScore(before, spike.getAmountMinor())).isGreaterThan(6.0);
    }

    @Test
    void impossibleTravelIsAPaymentAtHomeThenOneFarAwayTenMinutesLater() {
        PaymentsSimulator simulator = simulator(8, 30, quiet());
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofMinutes(10)), SECOND, simulator);
        simulator.startScenario(Scenario.IMPOSSIBLE_TRAVEL, t).orElseThrow();
        RecordingEmit.run(t.plus(SECOND), t.plus(Duration.ofHours(36)), Duration.ofSeconds(10), simulator);

        GroundTruth truth = simulator.drainGroundTruth().get(0);
        assertThat(truth.kind()).isEqualTo("IMPOSSIBLE_TRAVEL");
        List<Transaction> card = paymentsOf(truth.entityId());
        List<Transaction> during = card.stream()
                .filter(tx -> !tx.getEventTime().isBefore(truth.from())
                        && !tx.getEventTime().isAfter(truth.to()))
                .toList();
        assertThat(during).hasSize(2).allMatch(tx -> tx.getLocation() != null);
        Transaction home = during.get(0);
        Transaction far = during.get(1);
        assertThat(far.getTransactionId()).isEqualTo(truth.triggerEventId());
        assertThat(Duration.between(home.getEventTime(), far.getEventTime())).isEqualTo(Duration.ofMinutes(10));
        assertThat(distanceKm(home, far)).isGreaterThan(2_990.0);
        assertThat(far.getCountry()).isNotEqualTo(home.getCountry());

        // The only hit of the whole run is the far payment; the card comes home slowly enough.
        assertThat(FraudDetectorJudge.judge(emit.sent).paymentsThatFiredARule())
                .containsExactly(far.getTransactionId());
        assertThat(card.stream()
                        .filter(tx -> tx.getEventTime().isAfter(far.getEventTime()))
                        .filter(tx -> tx.getLocation() != null))
                .isNotEmpty();
    }

    @Test
    void blocklistedMerchantsArePublishedAndOnlyTheScenarioPaysThem() {
        PaymentsSimulator simulator = simulator(9, 50, quiet());
        simulator.publishReferenceData();
        List<RecordingEmit.Sent> entries = emit.on(TopicCatalog.BLOCKLIST.name());
        assertThat(entries).hasSize(3);
        for (RecordingEmit.Sent sent : entries) {
            BlocklistEntry entry = (BlocklistEntry) sent.value();
            assertThat(entry.getKind()).isEqualTo(BlocklistKind.MERCHANT);
            assertThat(sent.key()).isEqualTo("MERCHANT:" + entry.getValue());
            assertThat(entry.getExpiresAt()).isNull();
        }
        assertThat(entries.stream().map(s -> ((BlocklistEntry) s.value()).getValue()))
                .containsExactlyElementsOf(simulator.blockedMerchantIds());

        Instant t = RecordingEmit.run(START, START.plus(Duration.ofMinutes(30)), SECOND, simulator);
        simulator.startScenario(Scenario.BLOCKLISTED_MERCHANT, t).orElseThrow();
        RecordingEmit.run(t.plus(SECOND), t.plus(Duration.ofMinutes(30)), SECOND, simulator);

        GroundTruth truth = simulator.drainGroundTruth().get(0);
        assertThat(truth.kind()).isEqualTo("BLOCKLIST");
        Set<String> blocked = Set.copyOf(simulator.blockedMerchantIds());
        assertThat(payments().stream().filter(tx -> blocked.contains(tx.getMerchantId())))
                .extracting(Transaction::getTransactionId)
                .containsExactly(truth.triggerEventId());
    }

    @Test
    void cardTestingIsThreeSmallPaymentsThenALargeOne() {
        PaymentsSimulator simulator = simulator(10, 40, quiet());
        simulator.tick(START);
        String id = simulator.startScenario(Scenario.CARD_TESTING, START).orElseThrow();
        RecordingEmit.run(START, START.plus(Duration.ofMinutes(10)), SECOND, simulator);

        List<GroundTruth> truths = simulator.drainGroundTruth();
        // A card without history: the amount-anomaly rule cannot fire.
        assertThat(truths).singleElement().satisfies(truth -> {
            assertThat(truth.scenarioId()).isEqualTo(id);
            assertThat(truth.kind()).isEqualTo("CARD_TESTING");
        });
        GroundTruth truth = truths.get(0);
        List<Transaction> card = paymentsOf(truth.entityId()).stream()
                .filter(tx -> !tx.getEventTime().isBefore(truth.from())
                        && !tx.getEventTime().isAfter(truth.to()))
                .toList();
        assertThat(card).hasSize(4);
        assertThat(card.subList(0, 3))
                .allMatch(tx -> tx.getAmountMinor() >= 50 && tx.getAmountMinor() <= 150)
                .allMatch(tx -> tx.getLocation() == null);
        assertThat(Duration.between(card.get(0).getEventTime(), card.get(2).getEventTime()))
                .isLessThanOrEqualTo(Duration.ofMinutes(2));
        Transaction large = card.get(3);
        assertThat(large.getTransactionId()).isEqualTo(truth.triggerEventId());
        assertThat(large.getAmountMinor()).isGreaterThanOrEqualTo(20_000);
        assertThat(Duration.between(card.get(0).getEventTime(), large.getEventTime()))
                .isLessThan(Duration.ofMinutes(10));
        assertThat(truth.from()).isEqualTo(card.get(0).getEventTime());
        assertThat(truth.to()).isEqualTo(large.getEventTime());
    }

    @Test
    void cardTestingOnACardWithHistoryAlsoExpectsAnAmountAnomaly() {
        PaymentsSimulator simulator = simulator(11, 20, quiet().withPaymentsPerSecond(20.0 / 150));
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofHours(1)), SECOND, simulator);
        String id = simulator.startScenario(Scenario.CARD_TESTING, t).orElseThrow();
        RecordingEmit.run(t.plus(SECOND), t.plus(Duration.ofMinutes(10)), SECOND, simulator);

        List<GroundTruth> truths = simulator.drainGroundTruth();
        assertThat(truths).extracting(GroundTruth::kind).containsExactly("CARD_TESTING", "AMOUNT_ANOMALY");
        assertThat(truths).allMatch(truth -> truth.scenarioId().equals(id));
        assertThat(truths.get(1).triggerEventId()).isEqualTo(truths.get(0).triggerEventId());
        List<Transaction> card = paymentsOf(truths.get(0).entityId());
        Transaction large = payment(truths.get(0).triggerEventId());
        List<Transaction> before = card.subList(0, card.indexOf(large));
        assertThat(zScore(before, large.getAmountMinor())).isGreaterThanOrEqualTo(5.0);
    }

    /**
     * The strongest check: over two hours of traffic with random scenarios, fraud-detector's own topology raises
     * exactly the alerts the ground truth expects, on the payments it names.
     */
    @ParameterizedTest
    @CsvSource({"21, 200", "22, 200", "23, 60"})
    void groundTruthIsExactlyWhatTheRulesRaise(long seed, int cards) {
        PaymentsSimulator simulator = simulator(seed, cards, Settings.defaults().withScenariosPerSecond(0.03));
        simulator.publishReferenceData();
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofHours(2)), SECOND, simulator);
        simulator.stopScenarios();
        while (simulator.scenariosInProgress()) {
            t = t.plus(SECOND);
            simulator.tick(t);
        }
        RecordingEmit.run(t, t.plus(Duration.ofMinutes(30)), SECOND, simulator);

        List<GroundTruth> truths = simulator.drainGroundTruth();
        assertThat(truths.stream().map(GroundTruth::kind).collect(Collectors.toSet()))
                .containsAll(List.of("VELOCITY", "AMOUNT_ANOMALY", "IMPOSSIBLE_TRAVEL", "BLOCKLIST", "CARD_TESTING"));
        assertThat(truths.stream().map(truth -> truth.scenarioId() + "/" + truth.kind()))
                .doesNotHaveDuplicates();

        // Hits the cooldown suppresses (the 7th payment of a burst) raise no alert.
        var verdict = FraudDetectorJudge.judge(emit.sent);
        assertThat(verdict.deadLettered()).isEmpty();
        assertThat(verdict.decisions())
                .as("every payment decided")
                .isEqualTo(payments().size());
        assertThat(verdict.alerts())
                .containsExactlyInAnyOrderElementsOf(truths.stream()
                        .map(truth -> truth.entityId() + "/" + truth.kind() + "/" + truth.triggerEventId())
                        .toList());
        Map<String, Transaction> byId =
                payments().stream().collect(Collectors.toMap(Transaction::getTransactionId, Function.identity()));
        for (GroundTruth truth : truths) {
            Transaction trigger = byId.get(truth.triggerEventId());
            assertThat(trigger.getCardId()).isEqualTo(truth.entityId());
            assertThat(trigger.getEventTime()).isEqualTo(truth.to());
            assertThat(truth.from()).isBeforeOrEqualTo(truth.to());
        }
    }

    @Test
    void onlyEnabledScenariosStartAtRandom() {
        PaymentsSimulator simulator = simulator(
                12,
                100,
                Settings.defaults()
                        .withScenariosPerSecond(0.1)
                        .withScenarios(EnumSet.of(Scenario.BLOCKLISTED_MERCHANT)));
        RecordingEmit.run(START, START.plus(Duration.ofMinutes(20)), SECOND, simulator);

        List<GroundTruth> truths = simulator.drainGroundTruth();
        assertThat(truths).hasSizeGreaterThan(20).allMatch(truth -> truth.kind().equals("BLOCKLIST"));
        assertThat(simulator.drainGroundTruth()).isEmpty();
        Set<String> scenarioIds = new HashSet<>();
        truths.forEach(truth -> assertThat(scenarioIds.add(truth.scenarioId())).isTrue());
    }

    /** The card's amount baseline as fraud-detector keeps it, and the z-score it gives {@code amount}. */
    private static double zScore(List<Transaction> before, long amount) {
        var settings = FraudDetectorJudge.SETTINGS.amountAnomaly();
        var baseline = AmountBaseline.empty();
        for (Transaction tx : before) {
            baseline = baseline.update(tx.getAmountMinor(), settings.baselineAlpha());
        }
        return baseline.zScore(amount, settings.minStdDevMinor());
    }

    private static double distanceKm(Transaction a, Transaction b) {
        return GeoPoint.distanceKm(
                new GeoPoint(a.getLocation().getLatitude(), a.getLocation().getLongitude()),
                new GeoPoint(b.getLocation().getLatitude(), b.getLocation().getLongitude()));
    }
}
