package dev.streamsuite.fraud.domain;

import dev.streamsuite.schemas.payments.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fires when the payment's card, account or merchant is on the blocklist and the entry still applies at the
 * payment's event time (an entry expiring at that very instant no longer applies). Looks at the card, then the
 * account, then the merchant, and reports the first that is blocked. Event time rather than processing time, so that
 * reprocessing old payments gives the verdicts they had.
 *
 * <p>No parameters. Score 1.0, severity CRITICAL.
 */
public final class BlocklistRule implements Rule {

    @Override
    public Optional<RuleHit> evaluate(CardHistory historyBeforePayment, Payment payment, BlocklistLookup blocklist) {
        return evaluate(payment, blocklist);
    }

    public Optional<RuleHit> evaluate(Payment payment, BlocklistLookup lookup) {
        return check(BlockedKind.CARD, "card", payment.cardId(), payment, lookup)
                .or(() -> check(BlockedKind.ACCOUNT, "account", payment.accountId(), payment, lookup))
                .or(() -> check(BlockedKind.MERCHANT, "merchant", payment.merchantId(), payment, lookup));
    }

    private static Optional<RuleHit> check(
            BlockedKind kind, String label, String value, Payment payment, BlocklistLookup lookup) {
        return lookup.find(kind, value)
                .filter(entry -> entry.appliesAt(payment.eventTime()))
                .map(entry -> new RuleHit(
                        1.0,
                        Severity.CRITICAL,
                        label + " " + value + " is blocked: " + entry.reason(),
                        List.of(payment.transactionId()),
                        null,
                        null,
                        Map.of()));
    }
}
