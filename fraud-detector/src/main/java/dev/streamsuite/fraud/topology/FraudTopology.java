package dev.streamsuite.fraud.topology;

import dev.streamsuite.schemas.TopicSpec;
import dev.streamsuite.schemas.payments.BlocklistEntry;
import dev.streamsuite.schemas.payments.FraudRule;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.EventTimes;
import dev.streamsuite.streams.GlobalStoreLoader;
import dev.streamsuite.streams.InvalidRecordException;
import dev.streamsuite.streams.StreamsTopology;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Published rules are checked and the usable ones passed to the rules in force topic, read
 * back by every instance as a global store. Payments keyed by card are evaluated against
 * per-card state, the rules in force and the blocklist global store; each payment yields one decision (re-keyed by transaction id) and zero or
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

    /** Its own compacted topics: the rules in force, read back by every instance. */
    @Override
    public List<TopicSpec<?>> ownTopics() {
        return List.of(FraudTopics.RULES_IN_FORCE);
    }

    @Override
    public void addTo(StreamsBuilder builder) {
        var activeRules = new ActiveRules(settings);
        // In memory: reloaded whole at every start, so the rules in force are rebuilt from it.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(RULES_STORE),
                        topics.rulesInForce().keySerde(),
                        topics.rulesInForce().valueSerde()),
                topics.rulesInForce().name(),
                topics.rulesInForce().consumed("rules"),
                // A rule the rules in force cannot take (written there by someone else) is skipped.
                () -> GlobalStoreLoader.<FraudRule, FraudRule>of(RULES_STORE, Record::value)
                        .notifying(activeRules::publish));
        builder.addGlobalStore(
                Stores.timestampedKeyValueStoreBuilder(
                        Stores.persistentTimestampedKeyValueStore(BLOCKLIST_STORE),
                        topics.blocklist().keySerde(),
                        topics.blocklist().valueSerde()),
                topics.blocklist().name(),
                topics.blocklist().consumed("blocklist"),
                () -> GlobalStoreLoader.<BlocklistEntry, ValueAndTimestamp<BlocklistEntry>>of(
                                BLOCKLIST_STORE, FraudTopology::blocklistEntry)
                        // An entry expired longer ago than the grace can block no payment still to come.
                        .forgetting((entry, newest) -> entry.value().getExpiresAt() != null
                                && entry.value()
                                                .getExpiresAt()
                                                .plus(settings.state().grace())
                                                .toEpochMilli()
                                        < newest));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CARD_STATE_STORE), Serdes.String(), topics.cardProfiles()));

        var evaluations = builder.stream(
                        topics.transactions().name(),
                        topics.transactions()
                                .consumed("payments")
                                .withTimestampExtractor(
                                        EventTimes.extractor(Transaction.class, Transaction::getEventTime)))
                .processValues(
                        () -> new PaymentEvaluator(settings, activeRules),
                        Named.as("evaluate-payment"),
                        CARD_STATE_STORE);

        evaluations
                .flatMapValues(Evaluation::alerts, Named.as("alerts"))
                .to(topics.alerts().name(), topics.alerts().produced("alerts-out"));
        evaluations
                .map(
                        (card, evaluation) ->
                                KeyValue.pair(evaluation.decision().getTransactionId(), evaluation.decision()),
                        Named.as("decision-by-transaction"))
                .to(topics.decisions().name(), topics.decisions().produced("decisions-out"));
        // Added last, so that the payments keep their sub-topology number (and task directories).
        builder.stream(topics.rules().name(), topics.rules().consumed("rules-published"))
                .processValues(() -> new RuleAcceptor(activeRules), Named.as("accept-rule"))
                .to(topics.rulesInForce().name(), topics.rulesInForce().produced("rules-in-force-out"));
    }

    /** A blocklist entry is stored under {@code <KIND>:<value>}, the key lookups use. */
    private static ValueAndTimestamp<BlocklistEntry> blocklistEntry(Record<String, BlocklistEntry> record) {
        BlocklistEntry entry = record.value();
        if (entry.getValue() == null || entry.getValue().isBlank()) {
            throw new InvalidRecordException("Blocklist entry " + entry.getEntryId() + " has no value to block.");
        }
        String expected = entry.getKind().name() + ":" + entry.getValue();
        if (!expected.equals(record.key())) {
            throw new InvalidRecordException("Blocklist entry " + entry.getEntryId() + " was published under the key '"
                    + record.key() + "'; its key must be '" + expected + "'.");
        }
        return ValueAndTimestamp.make(entry, record.timestamp());
    }
}
