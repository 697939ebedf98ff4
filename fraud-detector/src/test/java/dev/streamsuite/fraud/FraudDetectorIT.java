package dev.streamsuite.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamsuite.fraud.topology.FraudTopics;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.BlocklistEntry;
import dev.streamsuite.schemas.payments.BlocklistKind;
import dev.streamsuite.schemas.payments.DecisionOutcome;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.FraudRule;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.schemas.payments.RuleType;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.testsupport.RealInfrastructureExtension;
import dev.streamsuite.testsupport.SamplePayments;
import dev.streamsuite.testsupport.ServiceInstance;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service as deployed: its own application.yml, a real broker and a real registry. One
 * instance at a time; a test may replace it with a fresh one, which restores everything from the
 * topics. Each test reads only the outputs of its own cards and keys.
 */
@ExtendWith(RealInfrastructureExtension.class)
class FraudDetectorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String DEAD_LETTER = "fraud-detector.dlq";

    private static AvroSerdes serdes;
    private static ServiceInstance instance;

    @BeforeAll
    static void start() {
        serdes = TestInfrastructure.shared().serdes();
        instance = startInstance();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    private static ServiceInstance startInstance() {
        return ServiceInstance.startRunning(FraudDetectorApplication.class);
    }

    /** The platform's BoundedRocksDB is in force: every store reports the one shared cache of 64 MiB. */
    @Test
    void everyRocksDbStoreUsesTheOneBoundedSharedCache() {
        var capacities = instance.streams().getKafkaStreams().metrics().values().stream()
                .filter(metric -> metric.metricName().name().equals("block-cache-capacity"))
                .map(metric -> ((Number) metric.metricValue()).longValue())
                .toList();

        assertThat(capacities).isNotEmpty().allMatch(capacity -> capacity == 64L * 1024 * 1024);
    }

    /** A decision waits for the commit after its payment: the service commits every 50 ms, not Kafka Streams' 100. */
    @Test
    void commitsItsTransactionsEvery50Milliseconds() {
        assertThat(instance.streams().getStreamsConfiguration().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .hasToString("50");
    }

    @Test
    void raisesExactlyOneAlertAndOneDecisionPerCaseForAReadCommittedConsumer() {
        TestInfrastructure.shared()
                .publish(
                        TopicCatalog.BLOCKLIST.name(),
                        "MERCHANT:m-evil",
                        BlocklistEntry.newBuilder()
                                .setEntryId("b-1")
                                .setKind(BlocklistKind.MERCHANT)
                                .setValue("m-evil")
                                .setReason("confirmed fraud ring")
                                .setAddedAt(T0)
                                .setExpiresAt(null)
                                .build());
        TestInfrastructure.shared()
                .publish(
                        TopicCatalog.FRAUD_RULES.name(),
                        "velocity-strict",
                        FraudRule.newBuilder()
                                .setRuleId("velocity-strict")
                                .setVersion(1)
                                .setType(RuleType.VELOCITY)
                                .setParameters(Map.of("maxPayments", "1", "window", "PT1M"))
                                .setEnabled(true)
                                .setDescription("two payments within a minute")
                                .setUpdatedAt(T0)
                                .build());
        awaitInGlobalStore("fraud-rules", "velocity-strict");
        awaitInGlobalStore("blocklist", "MERCHANT:m-evil");

        var payments = new java.util.ArrayList<Transaction>();
        payments.add(payment("ok-1", "card-ok", "m-1", T0));
        payments.add(payment("ok-2", "card-ok", "m-1", T0.plus(Duration.ofHours(3))));
        payments.add(payment("blocked-1", "card-blocked", "m-evil", T0));
        payments.add(payment("fast-1", "card-fast", "m-1", T0));
        payments.add(payment("fast-2", "card-fast", "m-1", T0.plusSeconds(10)));
        payments.forEach(p -> TestInfrastructure.shared().publish(TopicCatalog.TRANSACTIONS.name(), p.getCardId(), p));
        var invalid = Transaction.newBuilder(payment("bad-1", "card-ok", "m-1", T0))
                .setAmountMinor(-1)
                .build();
        TestInfrastructure.shared().publish(TopicCatalog.TRANSACTIONS.name(), "card-ok", invalid);
        var cards = Set.of("card-ok", "card-blocked", "card-fast");

        TestInfrastructure.shared().kafka().awaitConsumed("fraud-detector", TopicCatalog.TRANSACTIONS.name(), PATIENCE);

        var alerts = readAll(TopicCatalog.FRAUD_ALERTS.name(), FraudAlert.class).stream()
                .filter(a -> cards.contains(a.getCardId()))
                .toList();
        assertThat(alerts)
                .extracting(a -> a.getTransactionId() + "/" + a.getRuleId())
                .containsExactlyInAnyOrder("blocked-1/blocklist", "fast-2/velocity-strict");
        assertThat(alerts)
                .filteredOn(a -> a.getRuleId().equals("velocity-strict"))
                .singleElement()
                .satisfies(a -> assertThat(a.getRuleVersion()).isEqualTo(1));

        var decisions = readAll(TopicCatalog.PAYMENT_DECISIONS.name(), PaymentDecision.class).stream()
                .filter(d -> cards.contains(d.getCardId()))
                .collect(Collectors.toMap(PaymentDecision::getTransactionId, Function.identity()));
        assertThat(decisions).containsOnlyKeys("ok-1", "ok-2", "blocked-1", "fast-1", "fast-2");
        assertThat(decisions.get("ok-1").getOutcome()).isEqualTo(DecisionOutcome.APPROVE);
        assertThat(decisions.get("blocked-1").getOutcome()).isEqualTo(DecisionOutcome.DECLINE);
        assertThat(decisions.get("fast-2").getFiredRuleIds()).containsExactly("velocity-strict");

        assertThat(deadLetters("card-ok")).singleElement().satisfies(r -> assertThat(new String(
                        r.headers().lastHeader("__streams.errors.message").value()))
                .contains("amountMinor is negative"));
    }

    /**
     * Bad records on the topics behind the global stores, and an unusable rule version, then a
     * fresh instance that restores those stores from the topics: every payment is still decided.
     * (Before global stores were loaded through a validating processor, one undecodable rule
     * made a restarted instance dead-letter every payment.)
     */
    @Test
    void badRecordsBehindTheGlobalStoresCostNoDecisionAfterARestart() {
        publishRule(rule("restart-strict", 1, Map.of("maxPayments", "1")));
        publishRule(rule("restart-strict", 2, Map.of("maxPayments", "-1")));
        TestInfrastructure.shared()
                .publishRaw(TopicCatalog.FRAUD_RULES.name(), "restart-garbage", new byte[] {0, 0, 0, 0, 42, 1});
        TestInfrastructure.shared()
                .publishRaw(FraudTopics.RULES_IN_FORCE.name(), "restart-garbage", new byte[] {0, 0, 0, 0, 42, 1});
        TestInfrastructure.shared()
                .publishRaw(TopicCatalog.BLOCKLIST.name(), "MERCHANT:restart-garbage", "not avro".getBytes());
        awaitInGlobalStore("fraud-rules", "restart-strict");
        TestInfrastructure.shared().kafka().awaitConsumed("fraud-detector", TopicCatalog.FRAUD_RULES.name(), PATIENCE);

        instance.close();
        instance = startInstance();
        for (int i = 0; i < 8; i++) {
            TestInfrastructure.shared()
                    .publish(
                            TopicCatalog.TRANSACTIONS.name(),
                            "card-restart",
                            payment("restart-" + i, "card-restart", "m-1", T0.plusSeconds(i)));
        }
        TestInfrastructure.shared().kafka().awaitConsumed("fraud-detector", TopicCatalog.TRANSACTIONS.name(), PATIENCE);

        var decisions = readAll(TopicCatalog.PAYMENT_DECISIONS.name(), PaymentDecision.class).stream()
                .filter(d -> d.getCardId().equals("card-restart"))
                .collect(Collectors.toMap(PaymentDecision::getTransactionId, Function.identity()));
        assertThat(decisions).hasSize(8);
        // Version 1 (at most one payment a minute) stayed in force: version 2 was unusable.
        assertThat(decisions.get("restart-1").getFiredRuleIds()).contains("restart-strict");
        assertThat(deadLetters("card-restart")).isEmpty();
        assertThat(deadLetters("restart-strict")).singleElement().satisfies(r -> assertThat(new String(
                        r.headers().lastHeader("__streams.errors.message").value()))
                .contains("Ignoring version 2 of rule 'restart-strict'"));
        assertThat(deadLetters("restart-garbage")).hasSize(1);

        // Rules apply to every card: remove this one before other tests pay.
        TestInfrastructure.shared().publishRaw(TopicCatalog.FRAUD_RULES.name(), "restart-strict", null);
        await().atMost(PATIENCE)
                .until(() -> instance.streams()
                                .getKafkaStreams()
                                .store(StoreQueryParameters.fromNameAndType(
                                        "fraud-rules", QueryableStoreTypes.<String, Object>keyValueStore()))
                                .get("restart-strict")
                        == null);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        try (var deadLetters = new TopicReader<>(
                TestInfrastructure.shared().kafka().bootstrapServers(),
                DEAD_LETTER,
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return deadLetters.readToEnd(PATIENCE).stream()
                    .filter(r -> key.equals(r.key()))
                    .toList();
        }
    }

    private static FraudRule rule(String id, int version, Map<String, String> parameters) {
        return FraudRule.newBuilder()
                .setRuleId(id)
                .setVersion(version)
                .setType(RuleType.VELOCITY)
                .setParameters(parameters)
                .setEnabled(true)
                .setDescription("restart test")
                .setUpdatedAt(T0)
                .build();
    }

    private static void publishRule(FraudRule rule) {
        TestInfrastructure.shared().publish(TopicCatalog.FRAUD_RULES.name(), rule.getRuleId(), rule);
    }

    /** Everything on the topic, to its end; toMap above would also fail on a duplicate. */
    private static <V extends SpecificRecord> List<V> readAll(String topic, Class<V> type) {
        try (var reader = new TopicReader<>(
                TestInfrastructure.shared().kafka().bootstrapServers(),
                topic,
                Serdes.String().deserializer(),
                serdes.valueSerde(type).deserializer())) {
            return reader.readToEnd(PATIENCE).stream()
                    .map(ConsumerRecord::value)
                    .toList();
        }
    }

    private static void awaitInGlobalStore(String store, String key) {
        await().atMost(PATIENCE)
                .until(() -> instance.streams()
                                .getKafkaStreams()
                                .store(StoreQueryParameters.fromNameAndType(
                                        store, QueryableStoreTypes.<String, Object>keyValueStore()))
                                .get(key)
                        != null);
    }

    private static Transaction payment(String id, String card, String merchant, Instant at) {
        return SamplePayments.payment(id, card, merchant, 2_500, at);
    }
}
