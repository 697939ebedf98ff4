package dev.streamsuite.fraud.domain;

import java.util.Optional;

/**
 * A fraud rule with its parameters resolved: tells whether a payment matches the pattern the rule
 * is named after. Implementations are immutable and shared by all stream threads.
 */
public interface Rule {

    /**
     * @param historyBeforePayment the card's history before {@code payment} was recorded
     * @param blocklist the blocklist as it stands
     */
    Optional<RuleHit> evaluate(CardHistory historyBeforePayment, Payment payment, BlocklistLookup blocklist);

    /** A rule that looks at the card's own history and nothing else. */
    interface OnHistory extends Rule {

        /**
         * @param historyBeforePayment the card's history before {@code payment} was recorded; an
         *     entry with the payment's transaction id is ignored
         */
        Optional<RuleHit> evaluate(CardHistory historyBeforePayment, Payment payment);

        @Override
        default Optional<RuleHit> evaluate(
                CardHistory historyBeforePayment, Payment payment, BlocklistLookup blocklist) {
            return evaluate(historyBeforePayment, payment);
        }
    }
}
