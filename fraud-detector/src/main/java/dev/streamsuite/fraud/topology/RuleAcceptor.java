package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.InvalidRuleException;
import dev.streamsuite.schemas.payments.FraudRule;
import dev.streamsuite.streams.InvalidRecordException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes each usable rule version from the rules topic on to the rules in force topic, and
 * rejects an unusable one to the dead-letter topic with the reason. Since only usable versions
 * are ever written there, that compacted topic keeps the last usable version of every rule, for
 * every instance and across restarts, however the rules topic itself was compacted.
 */
final class RuleAcceptor implements FixedKeyProcessor<String, FraudRule, FraudRule> {

    private final ActiveRules rules;
    private FixedKeyProcessorContext<String, FraudRule> context;

    RuleAcceptor(ActiveRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, FraudRule> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, FraudRule> record) {
        FraudRule rule = record.value();
        if (record.key() == null) {
            throw new InvalidRecordException("A rule record needs its rule id as key; this one has none.");
        }
        if (rule != null) {
            if (!record.key().equals(rule.getRuleId())) {
                throw new InvalidRecordException("Rule '" + rule.getRuleId() + "' was published under the key '"
                        + record.key() + "'; the key must be the rule id, or compaction would keep the wrong version.");
            }
            if (rule.getEnabled()) {
                try {
                    rules.parse(rule);
                } catch (InvalidRuleException e) {
                    throw new InvalidRecordException("Ignoring version " + rule.getVersion() + " of rule '"
                            + rule.getRuleId() + "': " + e.getMessage()
                            + ". The last usable version stays in force; publish a corrected version to apply it.");
                }
            }
        }
        context.forward(record);
    }
}
