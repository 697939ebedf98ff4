package dev.streamsuite.fraud.domain;

import static dev.streamsuite.fraud.domain.Payments.LONDON;
import static dev.streamsuite.fraud.domain.Payments.NEW_YORK;
import static dev.streamsuite.fraud.domain.Payments.PARIS;
import static dev.streamsuite.fraud.domain.Payments.T0;
import static dev.streamsuite.fraud.domain.Payments.at;
import static dev.streamsuite.fraud.domain.Payments.historyOf;
import static dev.streamsuite.fraud.domain.Payments.located;
import static dev.streamsuite.fraud.domain.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.streamsuite.schemas.payments.Severity;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpossibleTravelRuleTest {

    /** The built-in instance, as application.yml configures it. */
    private static final ImpossibleTravelRule BUILT_IN =
            ServiceSettings.shipped("fraud.impossible-travel", ImpossibleTravelRule.class);

    private static final Duration HOUR = Duration.ofHours(1);
    private static final double PARIS_LONDON_KM = GeoPoint.distanceKm(PARIS, LONDON);
    private static final double PARIS_NEW_YORK_KM = GeoPoint.distanceKm(PARIS, NEW_YORK);

    private final ImpossibleTravelRule rule = new ImpossibleTravelRule(900, 100);

    @Test
    void firesWhenParisToNewYorkTakesAnHour() {
        CardHistory history = historyOf(located("paris", T0, PARIS));

        RuleHit hit =
                rule.evaluate(history, located("new-york", at(HOUR), NEW_YORK)).orElseThrow();

        assertThat(hit.transactionIds()).containsExactly("paris", "new-york");
        assertThat(hit.windowStart()).isEqualTo(T0);
        assertThat(hit.windowEnd()).isEqualTo(at(HOUR));
        assertThat(hit.figures())
                .containsExactly(
                        entry("distanceKm", PARIS_NEW_YORK_KM),
                        entry("hours", 1.0),
                        entry("speedKmh", PARIS_NEW_YORK_KM),
                        entry("limitKmh", 900.0));
        assertThat(hit.reason())
                .isEqualTo("5837.2 km from the previous located payment in 1.00 h: 5837 km/h (limit 900 km/h)");
        assertThat(hit.severity()).isEqualTo(Severity.HIGH);
        assertThat(hit.score()).isEqualTo(1.0);
    }

    @Test
    void parisToLondonInAnHourIsPossible() {
        CardHistory history = historyOf(located("paris", T0, PARIS));

        assertThat(rule.evaluate(history, located("london", at(HOUR), LONDON))).isEmpty();
    }

    @Test
    void parisToLondonInTwentyMinutesIsNot() {
        CardHistory history = historyOf(located("paris", T0, PARIS));

        RuleHit hit = rule.evaluate(history, located("london", at(Duration.ofMinutes(20)), LONDON))
                .orElseThrow();

        assertThat(hit.figures().get("speedKmh")).isCloseTo(PARIS_LONDON_KM * 3, within(1e-9));
        assertThat(hit.figures().get("hours")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(hit.score()).isCloseTo(PARIS_LONDON_KM * 3 / 1_800, within(1e-9));
    }

    @Test
    void doesNotFireAtExactlyTheSpeedLimit() {
        CardHistory history = historyOf(located("paris", T0, PARIS));
        Payment london = located("london", at(HOUR), LONDON);

        assertThat(new ImpossibleTravelRule(PARIS_LONDON_KM, 100).evaluate(history, london))
                .isEmpty();
        assertThat(new ImpossibleTravelRule(Math.nextDown(PARIS_LONDON_KM), 100).evaluate(history, london))
                .isPresent();
    }

    @Test
    void checksPaymentsExactlyTheMinimumDistanceApart() {
        CardHistory history = historyOf(located("paris", T0, PARIS));
        Payment london = located("london", at(Duration.ofMinutes(1)), LONDON);

        assertThat(new ImpossibleTravelRule(900, PARIS_LONDON_KM).evaluate(history, london))
                .isPresent();
        assertThat(new ImpossibleTravelRule(900, Math.nextUp(PARIS_LONDON_KM)).evaluate(history, london))
                .isEmpty();
    }

    @Test
    void zeroElapsedTimeFarApartCountsAsInfiniteSpeed() {
        CardHistory history = historyOf(located("paris", T0, PARIS));

        RuleHit hit = rule.evaluate(history, located("new-york", T0, NEW_YORK)).orElseThrow();

        assertThat(hit.figures()).containsEntry("hours", 0.0).containsEntry("speedKmh", Double.POSITIVE_INFINITY);
        assertThat(hit.reason())
                .isEqualTo("5837.2 km from the previous located payment at the same instant (limit 900 km/h)");
        assertThat(hit.score()).isEqualTo(1.0);
        assertThat(hit.windowStart()).isEqualTo(T0).isEqualTo(hit.windowEnd());
    }

    @Test
    void zeroElapsedTimeBelowTheMinimumDistanceDoesNotFire() {
        CardHistory history = historyOf(located("paris", T0, PARIS));

        assertThat(new ImpossibleTravelRule(900, 400).evaluate(history, located("london", T0, LONDON)))
                .isEmpty();
        assertThat(rule.evaluate(history, located("paris-again", T0, PARIS))).isEmpty();
    }

    @Test
    void aPaymentWithoutLocationIsSkipped() {
        CardHistory history = historyOf(located("paris", T0, PARIS));

        assertThat(rule.evaluate(history, payment("online", at(Duration.ofMinutes(1)))))
                .isEmpty();
    }

    @Test
    void firstLocatedPaymentOfACardIsSkipped() {
        assertThat(rule.evaluate(CardHistory.empty(), located("first", T0, NEW_YORK)))
                .isEmpty();
        assertThat(rule.evaluate(historyOf(payment("online", T0)), located("new-york", at(HOUR), NEW_YORK)))
                .isEmpty();
    }

    @Test
    void comparesWithTheLastLocatedPaymentSkippingThoseWithoutLocation() {
        CardHistory history = historyOf(located("paris", T0, PARIS), payment("online", at(Duration.ofMinutes(30))));

        RuleHit hit =
                rule.evaluate(history, located("new-york", at(HOUR), NEW_YORK)).orElseThrow();

        assertThat(hit.transactionIds()).containsExactly("paris", "new-york");
        assertThat(hit.figures()).containsEntry("hours", 1.0);
    }

    @Test
    void comparesALatePaymentWithThePaymentBeforeItInEventTime() {
        CardHistory history =
                historyOf(located("paris", T0, PARIS), located("london", at(Duration.ofHours(10)), LONDON));

        RuleHit hit =
                rule.evaluate(history, located("new-york", at(HOUR), NEW_YORK)).orElseThrow();

        assertThat(hit.transactionIds()).containsExactly("paris", "new-york");
    }

    @Test
    void aLatePaymentCloseToThePaymentBeforeItDoesNotFire() {
        CardHistory history =
                historyOf(located("paris", T0, PARIS), located("new-york", at(Duration.ofHours(2)), NEW_YORK));

        assertThat(rule.evaluate(history, located("london", at(HOUR), LONDON))).isEmpty();
    }

    @Test
    void aRedeliveredPaymentIsNotComparedWithItself() {
        Payment newYork = located("new-york", at(HOUR), NEW_YORK);
        CardHistory history = historyOf(located("paris", T0, PARIS), newYork);

        assertThat(rule.evaluate(history, newYork))
                .hasValueSatisfying(hit -> assertThat(hit.transactionIds()).containsExactly("paris", "new-york"));
    }

    @Test
    void rejectsUnusableParameters() {
        assertThatThrownBy(() -> new ImpossibleTravelRule(0, 100))
                .hasMessage("parameter 'maxSpeedKmh': \"0.0\" is not a positive finite number");
        assertThatThrownBy(() -> new ImpossibleTravelRule(900, -1))
                .hasMessage("parameter 'minDistanceKm': \"-1.0\" is not a non-negative finite number");
    }

    @Test
    void fromParametersReadsEveryParameter() {
        RuleParameters parameters = new RuleParameters(Map.of("maxSpeedKmh", "1200.5", "minDistanceKm", "50"));

        assertThat(ImpossibleTravelRule.fromParameters("travel", parameters, BUILT_IN))
                .isEqualTo(new ImpossibleTravelRule(1200.5, 50));
    }

    @Test
    void fromParametersTakesTheDefaultsForMissingParameters() {
        RuleParameters parameters = new RuleParameters(Map.of("minDistanceKm", "0"));

        assertThat(ImpossibleTravelRule.fromParameters("travel", parameters, BUILT_IN))
                .isEqualTo(new ImpossibleTravelRule(900, 0));
    }

    @Test
    void fromParametersNamesTheRuleOfAnUnusableValue() {
        assertThatThrownBy(() -> ImpossibleTravelRule.fromParameters(
                        "travel", new RuleParameters(Map.of("maxSpeedKmh", "0")), BUILT_IN))
                .hasMessage("parameter 'maxSpeedKmh' of rule 'travel': \"0.0\" is not a positive finite number");
        assertThatThrownBy(() -> ImpossibleTravelRule.fromParameters(
                        "travel", new RuleParameters(Map.of("maxSpeedKmh", "fast")), BUILT_IN))
                .hasMessage(
                        "parameter 'maxSpeedKmh' of rule 'travel': \"fast\" is not a non-negative decimal number such as 3.5");
    }
}
