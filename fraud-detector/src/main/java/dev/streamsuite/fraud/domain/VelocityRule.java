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
 * Fires when a card makes more than {@code maxPayments} payments within {@code window}: the payments with event time
 * in {@code (t - window, t]}, t being the event time of the payment evaluated, which is counted too.
 *
 * <p>Parameters: {@code maxPayments} (whole number, at least 1), {@code window} (positive ISO-8601 duration, e.g.
 * {@code PT1M}).
 *
 * <p>Score {@code count / (2 * maxPayments)}, capped at 1; severity MEDIUM, HIGH from twice the limit.
 */
public record VelocityRule(int maxPayments, Duration window) implements Rule.OnHistory {

    public VelocityRule {
        Objects.requireNonNull(window, "window");
        if (maxPayments < 1) {
            throw new InvalidRuleException("maxPayments", String.valueOf(maxPayments), "at least 1");
        }
        Rules.requirePositive(window, "window");
    }

    /** Missing parameters take the values of {@code defaults}. */
    public static VelocityRule fromParameters(String ruleId, RuleParameters parameters, VelocityRule defaults) {
        return Rules.parsed(
                ruleId,
                () -> new VelocityRule(
                        parameters.integer("maxPayments", defaults.maxPayments()),
                        parameters.duration("window", defaults.window())));
    }

    @Override
    public Optional<RuleHit> evaluate(CardHistory historyBeforePayment, Payment payment) {
        Instant t = payment.eventTime();
        List<PastPayment> earlier = historyBeforePayment.paymentsBetween(t.minus(window), t).stream()
                .filter(p -> !p.transactionId().equals(payment.transactionId()))
                .toList();
        int count = earlier.size() + 1;
        if (count <= maxPayments) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(count);
        earlier.forEach(p -> ids.add(p.transactionId()));
        ids.add(payment.transactionId());
        Instant first = earlier.isEmpty() ? t : earlier.get(0).eventTime();

        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("count", (double) count);
        figures.put("limit", (double) maxPayments);
        figures.put("windowSeconds", Rules.seconds(window));
        return Optional.of(new RuleHit(
                Rules.overThresholdScore(count, maxPayments),
                count >= 2L * maxPayments ? Severity.HIGH : Severity.MEDIUM,
                Rules.format("%d payments within %s (limit %d)", count, window, maxPayments),
                ids,
                first,
                t,
                figures));
    }
}
