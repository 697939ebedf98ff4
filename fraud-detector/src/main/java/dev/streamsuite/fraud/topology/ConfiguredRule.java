package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.rules.AmountAnomalyRule;
import dev.streamsuite.fraud.rules.BlocklistLookup;
import dev.streamsuite.fraud.rules.BlocklistRule;
import dev.streamsuite.fraud.rules.CardHistory;
import dev.streamsuite.fraud.rules.CardTestingRule;
import dev.streamsuite.fraud.rules.ImpossibleTravelRule;
import dev.streamsuite.fraud.rules.PaymentFacts;
import dev.streamsuite.fraud.rules.RuleHit;
import dev.streamsuite.fraud.rules.VelocityRule;
import dev.streamsuite.schemas.payments.RuleType;
import java.time.Duration;
import java.util.Optional;

/**
 * One active rule instance: its identity as alerts report it, and the rule logic with its
 * parameters resolved.
 *
 * @param logic one of the rule records of {@code dev.streamsuite.fraud.rules}
 */
record ConfiguredRule(String ruleId, int version, RuleType type, Object logic, Duration cooldown) {

    private static final BlocklistRule BLOCKLIST = new BlocklistRule();

    Optional<RuleHit> evaluate(CardHistory history, PaymentFacts payment, BlocklistLookup blocklist) {
        if (logic instanceof VelocityRule velocity) {
            return velocity.evaluate(history, payment);
        }
        if (logic instanceof AmountAnomalyRule amount) {
            return amount.evaluate(history, payment);
        }
        if (logic instanceof ImpossibleTravelRule travel) {
            return travel.evaluate(history, payment);
        }
        if (logic instanceof CardTestingRule cardTesting) {
            return cardTesting.evaluate(history, payment);
        }
        if (logic instanceof BlocklistRule) {
            return BLOCKLIST.evaluate(payment, blocklist);
        }
        throw new IllegalStateException("No evaluation for rule logic " + logic);
    }
}
