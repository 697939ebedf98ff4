package dev.streamsuite.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.BlocklistEntry;
import dev.streamsuite.schemas.payments.BlocklistKind;
import dev.streamsuite.schemas.payments.Channel;
import dev.streamsuite.schemas.payments.DecisionOutcome;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.FraudRule;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.schemas.payments.RuleType;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.testsupport.RealKafkaAndRegistry;
import dev.streamsuite.testsupport.StateDirectories;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service as deployed: its own application.yml, a real broker and a real registry. */
@RealKafkaAndRegistry
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FraudDetectorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Autowired
    AvroSerdes serdes;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var infrastructure = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure.kafka()::bootstrapServers);
        registry.add("streamsuite.registry.url", infrastructure.registry()::registryApiUrl);
        // Fresh state: a state directory left by an earlier run would point at another broker's offsets.
        registry.add("spring.kafka.streams.state-dir", () -> StateDirectories.fresh("it")
                .toString());
    }

    @Test
    void raisesExactlyOneAlertAndOneDecisionPerCaseForAReadCommittedConsumer() {
        publish(
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
        publish(
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
        payments.forEach(p -> publish(TopicCatalog.TRANSACTIONS.name(), p.getCardId(), p));
        var invalid = Transaction.newBuilder(payment("bad-1", "card-ok", "m-1", T0))
                .setAmountMinor(-1)
                .build();
        publish(TopicCatalog.TRANSACTIONS.name(), "card-ok", invalid);

        TestInfrastructure.shared().kafka().awaitConsumed("fraud-detector", TopicCatalog.TRANSACTIONS.name(), PATIENCE);

        var alerts = readAll(TopicCatalog.FRAUD_ALERTS.name(), FraudAlert.class);
        assertThat(alerts)
                .extracting(a -> a.getTransactionId() + "/" + a.getRuleId())
                .containsExactlyInAnyOrder("blocked-1/blocklist", "fast-2/velocity-strict");
        assertThat(alerts)
                .filteredOn(a -> a.getRuleId().equals("velocity-strict"))
                .singleElement()
                .satisfies(a -> assertThat(a.getRuleVersion()).isEqualTo(1));

        var decisions = readAll(TopicCatalog.PAYMENT_DECISIONS.name(), PaymentDecision.class).stream()
                .collect(Collectors.toMap(PaymentDecision::getTransactionId, Function.identity()));
        assertThat(decisions).containsOnlyKeys("ok-1", "ok-2", "blocked-1", "fast-1", "fast-2");
        assertThat(decisions.get("ok-1").getOutcome()).isEqualTo(DecisionOutcome.APPROVE);
        assertThat(decisions.get("blocked-1").getOutcome()).isEqualTo(DecisionOutcome.DECLINE);
        assertThat(decisions.get("fast-2").getFiredRuleIds()).containsExactly("velocity-strict");

        try (var deadLetters = new TopicReader<>(
                TestInfrastructure.shared().kafka().bootstrapServers(),
                "fraud-detector.dlq",
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            assertThat(deadLetters.readToEnd(PATIENCE)).singleElement().satisfies(r -> assertThat(new String(
                            r.headers().lastHeader("__streams.errors.message").value()))
                    .contains("amountMinor is negative"));
        }
    }

    /** Everything on the topic, to its end; toMap above would also fail on a duplicate. */
    private <V extends SpecificRecord> List<V> readAll(String topic, Class<V> type) {
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

    private void awaitInGlobalStore(String store, String key) {
        await().atMost(PATIENCE)
                .until(() -> streams.getKafkaStreams()
                                .store(StoreQueryParameters.fromNameAndType(
                                        store, QueryableStoreTypes.<String, Object>keyValueStore()))
                                .get(key)
                        != null);
    }

    private <V extends SpecificRecord> void publish(String topic, String key, V value) {
        @SuppressWarnings("unchecked")
        var valueSerde = serdes.valueSerde((Class<V>) value.getClass());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.shared().kafka().bootstrapServers()),
                new StringSerializer(),
                valueSerde.serializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    private static Transaction payment(String id, String card, String merchant, Instant at) {
        return Transaction.newBuilder()
                .setTransactionId(id)
                .setCardId(card)
                .setAccountId("acct-" + card)
                .setMerchantId(merchant)
                .setMerchantCategoryCode("5411")
                .setAmountMinor(2_500)
                .setCurrency("EUR")
                .setCountry("FR")
                .setLocation(null)
                .setChannel(Channel.ECOMMERCE)
                .setEventTime(at)
                .build();
    }
}
