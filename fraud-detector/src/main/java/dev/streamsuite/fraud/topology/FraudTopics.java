package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.state.CardState;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.TopicSpec;
import dev.streamsuite.schemas.TopicSpec.CleanupPolicy;
import dev.streamsuite.schemas.payments.BlocklistEntry;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.FraudRule;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.Topic;
import org.apache.kafka.common.serialization.Serde;

/**
 * The topics fraud-detector reads and writes, and the serde of its per-card state. One topic is
 * its own: the usable versions of the published rules, read back by every instance.
 */
public record FraudTopics(
        Topic<String, Transaction> transactions,
        Topic<String, FraudRule> rules,
        Topic<String, FraudRule> rulesInForce,
        Topic<String, BlocklistEntry> blocklist,
        Topic<String, FraudAlert> alerts,
        Topic<String, PaymentDecision> decisions,
        Serde<CardState> cardProfiles) {

    public static final TopicSpec<FraudRule> RULES_IN_FORCE = new TopicSpec<>(
            "fraud-detector.rules-in-force",
            "ruleId",
            FraudRule.class,
            TopicCatalog.FRAUD_RULES.partitions(),
            CleanupPolicy.COMPACT,
            null,
            "fraud-detector",
            "Internal: the last usable version of each published rule.");

    public static FraudTopics from(AvroSerdes serdes) {
        return new FraudTopics(
                serdes.topic(TopicCatalog.TRANSACTIONS),
                serdes.topic(TopicCatalog.FRAUD_RULES),
                serdes.topic(RULES_IN_FORCE),
                serdes.topic(TopicCatalog.BLOCKLIST),
                serdes.topic(TopicCatalog.FRAUD_ALERTS),
                serdes.topic(TopicCatalog.PAYMENT_DECISIONS),
                serdes.internalSerde(CardState.class));
    }
}
