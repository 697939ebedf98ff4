package dev.streamsuite.fraud.topology;

import dev.streamsuite.streams.StreamsTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Payments keyed by card are evaluated against per-card state and the rules and blocklist
 * global tables; each payment yields one decision (re-keyed by transaction id) and zero or
 * more alerts (keyed by card).
 */
public final class FraudTopology implements StreamsTopology {

    static final String CARD_STATE_STORE = "card-state";
    static final String RULES_STORE = "fraud-rules";
    static final String BLOCKLIST_STORE = "blocklist";

    private final FraudTopics topics;
    private final FraudSettings settings;

    public FraudTopology(FraudTopics topics, FraudSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void addTo(StreamsBuilder builder) {
        // Rules are few and read on every payment: kept in memory, restored from the topic.
        builder.globalTable(
                topics.rules().name(),
                topics.rules().consumed("rules"),
                Materialized.<String, dev.streamsuite.schemas.payments.FraudRule>as(
                                Stores.inMemoryKeyValueStore(RULES_STORE))
                        .withKeySerde(topics.rules().keySerde())
                        .withValueSerde(topics.rules().valueSerde()));
        builder.globalTable(
                topics.blocklist().name(),
                topics.blocklist().consumed("blocklist"),
                Materialized.<String, dev.streamsuite.schemas.payments.BlocklistEntry>as(
                                Stores.persistentTimestampedKeyValueStore(BLOCKLIST_STORE))
                        .withKeySerde(topics.blocklist().keySerde())
                        .withValueSerde(topics.blocklist().valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CARD_STATE_STORE), Serdes.String(), topics.cardProfiles()));

        var evaluations = builder.stream(
                        topics.transactions().name(),
                        topics.transactions().consumed("payments").withTimestampExtractor(new EventTimeExtractor()))
                .processValues(() -> new PaymentEvaluator(settings), Named.as("evaluate-payment"), CARD_STATE_STORE);

        evaluations
                .flatMapValues(Evaluation::alerts, Named.as("alerts"))
                .to(topics.alerts().name(), topics.alerts().produced("alerts-out"));
        evaluations
                .map(
                        (card, evaluation) ->
                                KeyValue.pair(evaluation.decision().getTransactionId(), evaluation.decision()),
                        Named.as("decision-by-transaction"))
                .to(topics.decisions().name(), topics.decisions().produced("decisions-out"));
    }
}
