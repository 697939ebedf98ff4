package dev.streamsuite.fraud.config;

import dev.streamsuite.fraud.rules.AmountAnomalyRule;
import dev.streamsuite.fraud.rules.CardTestingRule;
import dev.streamsuite.fraud.rules.DecisionPolicy;
import dev.streamsuite.fraud.rules.ImpossibleTravelRule;
import dev.streamsuite.fraud.rules.VelocityRule;
import dev.streamsuite.fraud.topology.FraudSettings;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fraud.*} in application.yml. The defaults here are those of {@link FraudSettings#DEFAULTS}
 * (a test keeps them equal); values are validated when the settings are built, so a bad value
 * stops the service at start-up with a message naming the key.
 */
@ConfigurationProperties("fraud")
public record FraudProperties(
        @DefaultValue Velocity velocity,
        @DefaultValue AmountAnomaly amountAnomaly,
        @DefaultValue ImpossibleTravel impossibleTravel,
        @DefaultValue CardTesting cardTesting,
        @DefaultValue Decisions decisions,
        @DefaultValue State state,
        @DefaultValue("10m") Duration alertCooldown,
        @DefaultValue("10000000000") long maxAmountMinor) {

    public record Velocity(@DefaultValue("5") int maxPayments, @DefaultValue("1m") Duration window) {}

    public record AmountAnomaly(
            @DefaultValue("4.0") double maxZScore,
            @DefaultValue("10") long minHistory,
            @DefaultValue("1000") double minStdDevMinor,
            @DefaultValue Map<String, Long> categoryLimitsMinor,
            @DefaultValue("0.1") double baselineAlpha) {}

    public record ImpossibleTravel(
            @DefaultValue("900") double maxSpeedKmh, @DefaultValue("100") double minDistanceKm) {}

    public record CardTesting(
            @DefaultValue("3") int minSmallPayments,
            @DefaultValue("200") long smallAmountMaxMinor,
            @DefaultValue("10000") long largeAmountMinMinor,
            @DefaultValue("10m") Duration window) {}

    public record Decisions(@DefaultValue("0.5") double reviewAt, @DefaultValue("0.9") double declineAt) {}

    public record State(
            @DefaultValue("5m") Duration grace,
            @DefaultValue("1d") Duration historyRetention,
            @DefaultValue("500") int maxHistoryEntries,
            @DefaultValue("90d") Duration cardInactivity,
            @DefaultValue("1h") Duration expiryScanInterval) {}

    public FraudSettings toSettings() {
        return new FraudSettings(
                new VelocityRule(velocity.maxPayments(), velocity.window()),
                new AmountAnomalyRule(
                        amountAnomaly.maxZScore(),
                        amountAnomaly.minHistory(),
                        amountAnomaly.minStdDevMinor(),
                        amountAnomaly.categoryLimitsMinor()),
                new ImpossibleTravelRule(impossibleTravel.maxSpeedKmh(), impossibleTravel.minDistanceKm()),
                new CardTestingRule(
                        cardTesting.minSmallPayments(),
                        cardTesting.smallAmountMaxMinor(),
                        cardTesting.largeAmountMinMinor(),
                        cardTesting.window()),
                new DecisionPolicy(decisions.reviewAt(), decisions.declineAt()),
                alertCooldown,
                state.grace(),
                state.historyRetention(),
                state.maxHistoryEntries(),
                amountAnomaly.baselineAlpha(),
                state.cardInactivity(),
                state.expiryScanInterval(),
                maxAmountMinor);
    }
}
