package dev.streamsuite.fraud.domain;

import dev.streamsuite.schemas.payments.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires on the pattern of a stolen card being tested with small payments before it is used for a large one: the
 * payment's amount is at least {@code largeAmountMinMinor}, and in {@code (t - window, t)} (before the payment,
 * payments at the very same instant excluded) the card made at least {@code minSmallPayments} payments of at most
 * {@code smallAmountMaxMinor}.
 *
 * <p>Parameters: {@code minSmallPayments} (whole number, at least 1), {@code smallAmountMaxMinor} (whole number of
 * minor units), {@code largeAmountMinMinor} (whole number of minor units, above {@code smallAmountMaxMinor}),
 * {@code window} (positive ISO-8601 duration, e.g. {@code PT10M}).
 *
 * <p>Score {@code smallPayments / (2 * minSmallPayments)}, capped at 1; severity HIGH.
 */
public record CardTestingRule(int minSmallPayments, long smallAmountMaxMinor, long largeAmountMinMinor, Duration window)
        implements Rule.OnHistory {

    public CardTestingRule {
        Objects.requireNonNull(window, "window");
        if (minSmallPayments < 1) {
            throw new InvalidRuleException("minSmallPayments", String.valueOf(minSmallPayments), "at least 1");
        }
        if (smallAmountMaxMinor < 0) {
            throw new InvalidRuleException("smallAmountMaxMinor", String.valueOf(smallAmountMaxMinor), "at least 0");
        }
        if (largeAmountMinMinor <= smallAmountMaxMinor) {
            throw new InvalidRuleException(
                    "largeAmountMinMinor",
                    String.valueOf(largeAmountMinMinor),
                    "above smallAmountMaxMinor (" + smallAmountMaxMinor + ")");
        }
        Rules.requirePositive(window, "window");
    }

    /** Missing parameters take the values of {@code defaults}. */
    public static CardTestingRule fromParameters(String ruleId, RuleParameters parameters, CardTestingRule defaults) {
        return Rules.parsed(
                ruleId,
                () -> new CardTestingRule(
                        parameters.integer("minSmallPayments", defaults.minSmallPayments()),
                        parameters.longValue("smallAmountMaxMinor", defaults.smallAmountMaxMinor()),
                        parameters.longValue("largeAmountMinMinor", defaults.largeAmountMinMinor()),
                        parameters.duration("window", defaults.window())));
    }

    @Override
    public Optional<RuleHit> evaluate(CardHistory historyBeforePayment, Payment payment) {
        if (payment.amountMinor() < largeAmountMinMinor) {
            return Optional.empty();
        }
        Instant t = payment.eventTime();
        List<PastPayment> small = historyBeforePayment.paymentsBetween(t.minus(window), t).stream()
                .filter(p -> p.eventTime().isBefore(t))
                .filter(p -> p.amountMinor() <= smallAmountMaxMinor)
                .filter(p -> !p.transactionId().equals(payment.transactionId()))
                .toList();
        if (small.size() < minSmallPayments) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(small.size() + 1);
        small.forEach(p -> ids.add(p.transactionId()));
        ids.add(payment.transactionId());

        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("smallPayments", (double) small.size());
        figures.put("minSmallPayments", (double) minSmallPayments);
        figures.put("smallAmountMax", (double) smallAmountMaxMinor);
        figures.put("amount", (double) payment.amountMinor());
        figures.put("largeAmountMin", (double) largeAmountMinMinor);
        figures.put("windowSeconds", Rules.seconds(window));
        return Optional.of(new RuleHit(
                Rules.overThresholdScore(small.size(), minSmallPayments),
                Severity.HIGH,
                Rules.format(
                        "%d payments of at most %s within %s before a payment of %s (threshold %d)",
                        small.size(),
                        Rules.formatAmount(smallAmountMaxMinor, payment.currency()),
                        window,
                        Rules.formatAmount(payment.amountMinor(), payment.currency()),
                        minSmallPayments),
                ids,
                small.get(0).eventTime(),
                t,
                figures));
    }
}
