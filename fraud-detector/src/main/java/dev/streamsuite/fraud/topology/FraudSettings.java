package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.rules.AmountAnomalyRule;
import dev.streamsuite.fraud.rules.CardHistory;
import dev.streamsuite.fraud.rules.CardTestingRule;
import dev.streamsuite.fraud.rules.DecisionPolicy;
import dev.streamsuite.fraud.rules.ImpossibleTravelRule;
import dev.streamsuite.fraud.rules.VelocityRule;
import java.time.Duration;
import java.util.Objects;

/**
 * Business settings of the fraud-detector. The rule records are the defaults of each rule
 * type; an instance on the rules topic overrides them parameter by parameter.
 *
 * @param alertCooldown after an alert, the same rule stays quiet for the same card this long
 *     (event time), so one incident raises one alert
 * @param grace how far out of order a payment may arrive and still be recorded in its card's
 *     history; a later payment is still decided on, but not recorded
 * @param historyRetention how much event time of a card's payments is kept; at least the
 *     longest rule window plus the grace
 * @param maxHistoryEntries most payments kept per card, whatever their age
 * @param baselineAlpha weight of the newest amount in the card's amount baseline
 * @param cardInactivity a card without payments for this long (event time) is forgotten
 * @param expiryScanInterval how often (stream time) forgotten cards are removed
 * @param maxAmountMinor larger amounts are rejected as invalid input
 */
public record FraudSettings(
        VelocityRule velocity,
        AmountAnomalyRule amountAnomaly,
        ImpossibleTravelRule impossibleTravel,
        CardTestingRule cardTesting,
        DecisionPolicy decisions,
        Duration alertCooldown,
        Duration grace,
        Duration historyRetention,
        int maxHistoryEntries,
        double baselineAlpha,
        Duration cardInactivity,
        Duration expiryScanInterval,
        long maxAmountMinor) {

    public static final FraudSettings DEFAULTS = new FraudSettings(
            VelocityRule.DEFAULTS,
            AmountAnomalyRule.DEFAULTS,
            ImpossibleTravelRule.DEFAULTS,
            CardTestingRule.DEFAULTS,
            new DecisionPolicy(0.5, 0.9),
            Duration.ofMinutes(10),
            Duration.ofMinutes(5),
            Duration.ofDays(1),
            500,
            CardHistory.DEFAULT_BASELINE_ALPHA,
            Duration.ofDays(90),
            Duration.ofHours(1),
            10_000_000_000L);

    public FraudSettings {
        Objects.requireNonNull(velocity, "velocity");
        Objects.requireNonNull(amountAnomaly, "amountAnomaly");
        Objects.requireNonNull(impossibleTravel, "impossibleTravel");
        Objects.requireNonNull(cardTesting, "cardTesting");
        Objects.requireNonNull(decisions, "decisions");
        requirePositive("fraud.alert-cooldown", alertCooldown);
        requirePositive("fraud.state.grace", grace);
        requirePositive("fraud.state.history-retention", historyRetention);
        requirePositive("fraud.state.card-inactivity", cardInactivity);
        requirePositive("fraud.state.expiry-scan-interval", expiryScanInterval);
        Duration longestWindow =
                velocity.window().compareTo(cardTesting.window()) >= 0 ? velocity.window() : cardTesting.window();
        if (historyRetention.compareTo(longestWindow.plus(grace)) < 0) {
            throw new IllegalArgumentException("fraud.state.history-retention (" + historyRetention
                    + ") must cover the longest rule window plus the grace (" + longestWindow.plus(grace) + ")");
        }
        if (cardInactivity.compareTo(historyRetention) < 0) {
            throw new IllegalArgumentException("fraud.state.card-inactivity (" + cardInactivity
                    + ") must be at least fraud.state.history-retention (" + historyRetention + ")");
        }
        if (maxHistoryEntries < 1) {
            throw new IllegalArgumentException(
                    "fraud.state.max-history-entries must be at least 1, was " + maxHistoryEntries);
        }
        if (!(baselineAlpha > 0 && baselineAlpha <= 1)) {
            throw new IllegalArgumentException(
                    "fraud.amount-anomaly.baseline-alpha must be in (0, 1], was " + baselineAlpha);
        }
        if (maxAmountMinor < 1) {
            throw new IllegalArgumentException("fraud.max-amount-minor must be positive, was " + maxAmountMinor);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + value);
        }
    }
}
