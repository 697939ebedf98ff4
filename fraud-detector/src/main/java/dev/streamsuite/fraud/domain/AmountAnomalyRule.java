package dev.streamsuite.fraud.domain;

import dev.streamsuite.schemas.payments.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires when a payment's amount is unusual for the card or too high for its merchant category:
 *
 * <ul>
 *   <li>the card's {@link AmountBaseline} has at least {@code minHistory} observations and the amount's z-score
 *       against it, with the standard deviation floored at {@code minStdDevMinor}, is above {@code maxZScore} (only
 *       amounts above the mean count: a small payment is not suspicious here); or
 *   <li>a limit is configured for the payment's merchant category code and the amount is above it.
 * </ul>
 *
 * The first payment of a card can only fire on the category limit. Amounts are compared in minor units as they come,
 * whatever their currency.
 *
 * <p>Parameters: {@code maxZScore} (positive decimal), {@code minHistory} (whole number, at least 1),
 * {@code minStdDevMinor} (positive decimal, minor units), {@code categoryLimit.<mcc>} (whole number of minor units,
 * one parameter per merchant category code, e.g. {@code categoryLimit.7995=50000}; they override the defaults' limit
 * for the same code and keep the others).
 *
 * <p>{@code baselineAlpha}, the weight of the newest amount in every card's baseline, is set for the service (the
 * built-in instance); a published instance cannot change it, since each card keeps one baseline.
 *
 * <p>Score {@code zScore / (2 * maxZScore)} or {@code amount / (2 * limit)}, the higher of those that fired, capped at
 * 1; severity MEDIUM, HIGH when the score reaches 1.
 */
public record AmountAnomalyRule(
        double maxZScore,
        long minHistory,
        double minStdDevMinor,
        Map<String, Long> categoryLimitsMinor,
        double baselineAlpha)
        implements Rule.OnHistory {

    private static final String CATEGORY_LIMIT_PREFIX = "categoryLimit.";

    public AmountAnomalyRule {
        if (!(maxZScore > 0) || Double.isInfinite(maxZScore)) {
            throw new InvalidRuleException("maxZScore", String.valueOf(maxZScore), "a positive finite number");
        }
        if (minHistory < 1) {
            throw new InvalidRuleException("minHistory", String.valueOf(minHistory), "at least 1");
        }
        if (!(minStdDevMinor > 0) || Double.isInfinite(minStdDevMinor)) {
            throw new InvalidRuleException(
                    "minStdDevMinor", String.valueOf(minStdDevMinor), "a positive finite number");
        }
        if (!(baselineAlpha > 0 && baselineAlpha <= 1)) {
            throw new InvalidRuleException("baselineAlpha", String.valueOf(baselineAlpha), "a number in (0, 1]");
        }
        categoryLimitsMinor = categoryLimitsMinor == null ? Map.of() : categoryLimitsMinor;
        categoryLimitsMinor.forEach((mcc, limit) -> {
            Objects.requireNonNull(limit, CATEGORY_LIMIT_PREFIX + mcc);
            if (limit < 0) {
                throw new InvalidRuleException(CATEGORY_LIMIT_PREFIX + mcc, String.valueOf(limit), "at least 0");
            }
        });
        categoryLimitsMinor = Map.copyOf(categoryLimitsMinor);
    }

    /** Missing parameters take the values of {@code defaults}. */
    public static AmountAnomalyRule fromParameters(
            String ruleId, RuleParameters parameters, AmountAnomalyRule defaults) {
        return Rules.parsed(
                ruleId,
                () -> new AmountAnomalyRule(
                        parameters.decimal("maxZScore", defaults.maxZScore()),
                        parameters.longValue("minHistory", defaults.minHistory()),
                        parameters.decimal("minStdDevMinor", defaults.minStdDevMinor()),
                        parameters.longMap(CATEGORY_LIMIT_PREFIX, defaults.categoryLimitsMinor()),
                        defaults.baselineAlpha()));
    }

    /**
     * @param historyBeforePayment the card's history before {@code payment} was recorded, so that the payment is
     *     not part of the baseline it is compared with
     */
    @Override
    public Optional<RuleHit> evaluate(CardHistory historyBeforePayment, Payment payment) {
        long amount = payment.amountMinor();
        String currency = payment.currency();
        AmountBaseline baseline = historyBeforePayment.baseline();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("amount", (double) amount);
        figures.put("observations", (double) baseline.count());
        List<String> reasons = new ArrayList<>(2);
        double score = 0.0;

        if (baseline.count() >= minHistory) {
            double zScore = baseline.zScore(amount, minStdDevMinor);
            figures.put("mean", baseline.mean());
            figures.put("stdDev", baseline.stdDev());
            figures.put("zScore", zScore);
            figures.put("zScoreLimit", maxZScore);
            if (zScore > maxZScore) {
                score = Rules.overThresholdScore(zScore, maxZScore);
                reasons.add(Rules.format(
                        "amount %s is %.1f standard deviations above the card's mean of %s (limit %.1f)",
                        Rules.formatAmount(amount, currency),
                        zScore,
                        Rules.formatAmount(Math.round(baseline.mean()), currency),
                        maxZScore));
            }
        }

        Long categoryLimit = categoryLimitsMinor.get(payment.merchantCategoryCode());
        if (categoryLimit != null) {
            figures.put("categoryLimit", (double) categoryLimit);
            if (amount > categoryLimit) {
                score = Math.max(score, Rules.overThresholdScore(amount, categoryLimit));
                reasons.add(Rules.format(
                        "amount %s exceeds the limit of %s for merchant category %s",
                        Rules.formatAmount(amount, currency),
                        Rules.formatAmount(categoryLimit, currency),
                        payment.merchantCategoryCode()));
            }
        }

        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuleHit(
                score,
                score >= 1.0 ? Severity.HIGH : Severity.MEDIUM,
                String.join("; ", reasons),
                List.of(payment.transactionId()),
                null,
                null,
                figures));
    }
}
