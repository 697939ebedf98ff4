package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.AmountAnomalyRule;
import dev.streamsuite.fraud.domain.CardTestingRule;
import dev.streamsuite.fraud.domain.DecisionPolicy;
import dev.streamsuite.fraud.domain.ImpossibleTravelRule;
import dev.streamsuite.fraud.domain.VelocityRule;
import dev.streamsuite.streams.SettingChecks;
import java.time.Duration;

/**
 * Business settings of the fraud-detector, bound from {@code fraud.*} in application.yml, the one
 * place their values live. The rule records are the built-in instance of each rule type; an
 * instance on the rules topic overrides them parameter by parameter. Values are checked here, so a
 * bad one stops the service at start-up with a message naming the key.
 *
 * @param alertCooldown after an alert, the same rule stays quiet for the same card this long
 *     (event time), so one incident raises one alert
 * @param maxAmountMinor larger amounts are rejected as invalid input
 * @param state how much of each card's past is kept
 */
public record FraudSettings(
        VelocityRule velocity,
        AmountAnomalyRule amountAnomaly,
        ImpossibleTravelRule impossibleTravel,
        CardTestingRule cardTesting,
        DecisionPolicy decisions,
        Duration alertCooldown,
        long maxAmountMinor,
        State state) {

    public FraudSettings {
        SettingChecks.requireSet("fraud.velocity", velocity);
        SettingChecks.requireSet("fraud.amount-anomaly", amountAnomaly);
        SettingChecks.requireSet("fraud.impossible-travel", impossibleTravel);
        SettingChecks.requireSet("fraud.card-testing", cardTesting);
        SettingChecks.requireSet("fraud.decisions", decisions);
        SettingChecks.requireSet("fraud.state", state);
        SettingChecks.requirePositive("fraud.alert-cooldown", alertCooldown);
        Duration longestWindow =
                velocity.window().compareTo(cardTesting.window()) >= 0 ? velocity.window() : cardTesting.window();
        if (state.historyRetention().compareTo(longestWindow.plus(state.grace())) < 0) {
            throw new IllegalArgumentException("fraud.state.history-retention (" + state.historyRetention()
                    + ") must cover the longest rule window plus the grace (" + longestWindow.plus(state.grace())
                    + ")");
        }
        if (maxAmountMinor < 1) {
            throw new IllegalArgumentException("fraud.max-amount-minor must be positive, was " + maxAmountMinor);
        }
    }

    /**
     * @param grace how far out of order a payment may arrive and still be recorded in its card's
     *     history; a later payment is still decided on, but not recorded
     * @param historyRetention how much event time of a card's payments is kept; at least the
     *     longest rule window plus the grace
     * @param maxHistoryEntries most payments kept per card, whatever their age
     * @param cardInactivity a card without payments for this long (event time) is forgotten
     * @param expiryScanInterval how often (stream time) forgotten cards are removed
     * @param expiryScanBatch how many cards one expiry scan looks at, at most; the next scan goes on
     *     where it stopped, so a scan stays short (it runs inside one transaction) whatever the number
     *     of cards, and a full pass over a task's cards takes cards / batch scans
     */
    public record State(
            Duration grace,
            Duration historyRetention,
            int maxHistoryEntries,
            Duration cardInactivity,
            Duration expiryScanInterval,
            int expiryScanBatch) {

        public State {
            SettingChecks.requirePositive("fraud.state.grace", grace);
            SettingChecks.requirePositive("fraud.state.history-retention", historyRetention);
            SettingChecks.requirePositive("fraud.state.card-inactivity", cardInactivity);
            SettingChecks.requirePositive("fraud.state.expiry-scan-interval", expiryScanInterval);
            if (cardInactivity.compareTo(historyRetention) < 0) {
                throw new IllegalArgumentException("fraud.state.card-inactivity (" + cardInactivity
                        + ") must be at least fraud.state.history-retention (" + historyRetention + ")");
            }
            if (maxHistoryEntries < 1) {
                throw new IllegalArgumentException(
                        "fraud.state.max-history-entries must be at least 1, was " + maxHistoryEntries);
            }
            SettingChecks.requireAtLeast("fraud.state.expiry-scan-batch", expiryScanBatch, 1);
        }
    }
}
