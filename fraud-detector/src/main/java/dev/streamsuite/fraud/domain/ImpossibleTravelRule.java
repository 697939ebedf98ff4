package dev.streamsuite.fraud.domain;

import dev.streamsuite.schemas.payments.Severity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fires when a card would have had to travel faster than {@code maxSpeedKmh} between its last located payment and
 * this one: the latest payment with a location that precedes this one in event time (see {@link
 * CardHistory#lastLocatedBefore(java.time.Instant, String)}; a payment at the same instant counts as preceding). A
 * late payment is compared with the payment before it in event time only, not with the ones after it.
 *
 * <p>Skipped when either payment has no location or they are less than {@code minDistanceKm} apart, since nearby
 * payments with coarse or rounded coordinates would otherwise give absurd speeds. Two payments at least
 * {@code minDistanceKm} apart at the same instant count as infinitely fast; the {@code speedKmh} figure is then
 * {@link Double#POSITIVE_INFINITY}.
 *
 * <p>Parameters: {@code maxSpeedKmh} (positive decimal), {@code minDistanceKm} (non-negative decimal).
 *
 * <p>Score {@code speedKmh / (2 * maxSpeedKmh)}, capped at 1; severity HIGH, as the payments cannot both come from
 * someone holding the card.
 */
public record ImpossibleTravelRule(double maxSpeedKmh, double minDistanceKm) implements Rule.OnHistory {

    /** Faster than an airliner, and far enough apart that border towns and GPS jitter do not count. */
    private static final double NANOS_PER_HOUR = 3_600e9;

    public ImpossibleTravelRule {
        if (!(maxSpeedKmh > 0) || Double.isInfinite(maxSpeedKmh)) {
            throw new InvalidRuleException("maxSpeedKmh", String.valueOf(maxSpeedKmh), "a positive finite number");
        }
        if (!(minDistanceKm >= 0) || Double.isInfinite(minDistanceKm)) {
            throw new InvalidRuleException(
                    "minDistanceKm", String.valueOf(minDistanceKm), "a non-negative finite number");
        }
    }

    /** Missing parameters take the values of {@code defaults}. */
    public static ImpossibleTravelRule fromParameters(
            String ruleId, RuleParameters parameters, ImpossibleTravelRule defaults) {
        return Rules.parsed(
                ruleId,
                () -> new ImpossibleTravelRule(
                        parameters.decimal("maxSpeedKmh", defaults.maxSpeedKmh()),
                        parameters.decimal("minDistanceKm", defaults.minDistanceKm())));
    }

    @Override
    public Optional<RuleHit> evaluate(CardHistory historyBeforePayment, Payment payment) {
        if (payment.location() == null) {
            return Optional.empty();
        }
        Optional<PastPayment> found =
                historyBeforePayment.lastLocatedBefore(payment.eventTime(), payment.transactionId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PastPayment previous = found.get();
        double distanceKm = GeoPoint.distanceKm(previous.location(), payment.location());
        if (distanceKm < minDistanceKm) {
            return Optional.empty();
        }
        Duration elapsed = Duration.between(previous.eventTime(), payment.eventTime());
        double hours = elapsed.getSeconds() / 3_600.0 + elapsed.getNano() / NANOS_PER_HOUR;
        double speedKmh = hours == 0 ? Double.POSITIVE_INFINITY : distanceKm / hours;
        if (speedKmh <= maxSpeedKmh) {
            return Optional.empty();
        }

        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("distanceKm", distanceKm);
        figures.put("hours", hours);
        figures.put("speedKmh", speedKmh);
        figures.put("limitKmh", maxSpeedKmh);
        String reason = hours == 0
                ? Rules.format(
                        "%.1f km from the previous located payment at the same instant (limit %.0f km/h)",
                        distanceKm, maxSpeedKmh)
                : Rules.format(
                        "%.1f km from the previous located payment in %.2f h: %.0f km/h (limit %.0f km/h)",
                        distanceKm, hours, speedKmh, maxSpeedKmh);
        return Optional.of(new RuleHit(
                Rules.overThresholdScore(speedKmh, maxSpeedKmh),
                Severity.HIGH,
                reason,
                List.of(previous.transactionId(), payment.transactionId()),
                previous.eventTime(),
                payment.eventTime(),
                figures));
    }
}
