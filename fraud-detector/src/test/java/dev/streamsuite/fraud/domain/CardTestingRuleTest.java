package dev.streamsuite.fraud.domain;

import static dev.streamsuite.fraud.domain.Payments.T0;
import static dev.streamsuite.fraud.domain.Payments.atSeconds;
import static dev.streamsuite.fraud.domain.Payments.historyOf;
import static dev.streamsuite.fraud.domain.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.streamsuite.schemas.payments.Severity;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardTestingRuleTest {

    /** The built-in instance, as application.yml configures it. */
    private static final CardTestingRule BUILT_IN =
            ServiceSettings.shipped("fraud.card-testing", CardTestingRule.class);

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final CardTestingRule rule = new CardTestingRule(3, 200, 10_000, WINDOW);

    @Test
    void firesOnThreeSmallPaymentsBeforeALargeOne() {
        CardHistory history = historyOf(
                payment("s1", atSeconds(0), 100), payment("s2", atSeconds(60), 150), payment("s3", atSeconds(120), 99));

        RuleHit hit =
                rule.evaluate(history, payment("large", atSeconds(180), 50_000)).orElseThrow();

        assertThat(hit.transactionIds()).containsExactly("s1", "s2", "s3", "large");
        assertThat(hit.windowStart()).isEqualTo(T0);
        assertThat(hit.windowEnd()).isEqualTo(atSeconds(180));
        assertThat(hit.severity()).isEqualTo(Severity.HIGH);
        assertThat(hit.score()).isEqualTo(0.5);
        assertThat(hit.reason())
                .isEqualTo("3 payments of at most 2.00 EUR within PT10M before a payment of 500.00 EUR (threshold 3)");
        assertThat(hit.figures())
                .containsExactly(
                        entry("smallPayments", 3.0),
                        entry("minSmallPayments", 3.0),
                        entry("smallAmountMax", 200.0),
                        entry("amount", 50_000.0),
                        entry("largeAmountMin", 10_000.0),
                        entry("windowSeconds", 600.0));
    }

    @Test
    void doesNotFireWithTooFewSmallPayments() {
        CardHistory history = historyOf(payment("s1", atSeconds(0), 100), payment("s2", atSeconds(60), 100));

        assertThat(rule.evaluate(history, payment("large", atSeconds(180), 50_000)))
                .isEmpty();
    }

    @Test
    void doesNotCountPaymentsAboveTheSmallAmount() {
        CardHistory history = historyOf(
                payment("s1", atSeconds(0), 200), payment("s2", atSeconds(60), 200), payment("m", atSeconds(120), 201));

        assertThat(rule.evaluate(history, payment("large", atSeconds(180), 50_000)))
                .isEmpty();
    }

    @Test
    void countsPaymentsOfExactlyTheSmallAmount() {
        CardHistory history = historyOf(
                payment("s1", atSeconds(0), 200),
                payment("s2", atSeconds(60), 200),
                payment("s3", atSeconds(120), 200));

        assertThat(rule.evaluate(history, payment("large", atSeconds(180), 50_000)))
                .isPresent();
    }

    @Test
    void firesFromExactlyTheLargeAmount() {
        CardHistory history = historyOf(
                payment("s1", atSeconds(0), 1), payment("s2", atSeconds(1), 1), payment("s3", atSeconds(2), 1));

        assertThat(rule.evaluate(history, payment("large", atSeconds(3), 10_000)))
                .isPresent();
        assertThat(rule.evaluate(history, payment("not-large", atSeconds(3), 9_999)))
                .isEmpty();
    }

    @Test
    void aSmallPaymentExactlyOneWindowEarlierIsOutside() {
        CardHistory history = historyOf(
                payment("s1", atSeconds(0), 100),
                payment("s2", atSeconds(60), 100),
                payment("s3", atSeconds(120), 100));

        assertThat(rule.evaluate(history, payment("large", atSeconds(600), 50_000)))
                .isEmpty();
        assertThat(rule.evaluate(history, payment("large", atSeconds(600).minusNanos(1), 50_000)))
                .isPresent();
    }

    @Test
    void aSmallPaymentAtTheSameInstantAsTheLargeOneDoesNotCount() {
        CardHistory history = historyOf(
                payment("s1", atSeconds(0), 100),
                payment("s2", atSeconds(60), 100),
                payment("s3", atSeconds(180), 100));

        assertThat(rule.evaluate(history, payment("large", atSeconds(180), 50_000)))
                .isEmpty();
    }

    @Test
    void smallPaymentsAfterALateLargePaymentDoNotCount() {
        CardHistory history = historyOf(
                payment("s1", atSeconds(60), 100),
                payment("s2", atSeconds(120), 100),
                payment("s3", atSeconds(180), 100),
                payment("s0", atSeconds(0), 100));

        assertThat(rule.evaluate(history, payment("late-large", atSeconds(90), 50_000)))
                .isEmpty();
        assertThat(rule.evaluate(history, payment("late-large", atSeconds(150), 50_000)))
                .hasValueSatisfying(
                        hit -> assertThat(hit.transactionIds()).containsExactly("s0", "s1", "s2", "late-large"));
    }

    @Test
    void firstPaymentOfACardDoesNotFire() {
        assertThat(rule.evaluate(CardHistory.empty(), payment("large", T0, 1_000_000)))
                .isEmpty();
    }

    @Test
    void scoreReachesOneAtTwiceTheMinimum() {
        CardHistory history = historyOf(
                payment("s1", atSeconds(0), 1),
                payment("s2", atSeconds(1), 1),
                payment("s3", atSeconds(2), 1),
                payment("s4", atSeconds(3), 1),
                payment("s5", atSeconds(4), 1),
                payment("s6", atSeconds(5), 1),
                payment("s7", atSeconds(6), 1));

        assertThat(rule.evaluate(history, payment("large", atSeconds(10), 50_000)))
                .hasValueSatisfying(hit -> assertThat(hit.score()).isEqualTo(1.0));
    }

    @Test
    void rejectsALargeAmountNotAboveTheSmallOne() {
        assertThatThrownBy(() -> new CardTestingRule(3, 500, 500, WINDOW))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("parameter 'largeAmountMinMinor': \"500\" is not above smallAmountMaxMinor (500)");
    }

    @Test
    void rejectsOtherUnusableParameters() {
        assertThatThrownBy(() -> new CardTestingRule(0, 200, 10_000, WINDOW))
                .hasMessage("parameter 'minSmallPayments': \"0\" is not at least 1");
        assertThatThrownBy(() -> new CardTestingRule(3, -1, 10_000, WINDOW))
                .hasMessage("parameter 'smallAmountMaxMinor': \"-1\" is not at least 0");
        assertThatThrownBy(() -> new CardTestingRule(3, 200, 10_000, Duration.ofMinutes(-1)))
                .hasMessage("parameter 'window': \"PT-1M\" is not a positive duration");
    }

    @Test
    void fromParametersReadsEveryParameter() {
        RuleParameters parameters = new RuleParameters(Map.of(
                "minSmallPayments", "5",
                "smallAmountMaxMinor", "100",
                "largeAmountMinMinor", "20000",
                "window", "PT30M"));

        assertThat(CardTestingRule.fromParameters("ct", parameters, BUILT_IN))
                .isEqualTo(new CardTestingRule(5, 100, 20_000, Duration.ofMinutes(30)));
    }

    @Test
    void fromParametersTakesTheDefaultsForMissingParameters() {
        assertThat(CardTestingRule.fromParameters("ct", RuleParameters.empty(), BUILT_IN))
                .isEqualTo(BUILT_IN);
    }

    @Test
    void fromParametersRejectsAZeroWindow() {
        assertThatThrownBy(() ->
                        CardTestingRule.fromParameters("ct", new RuleParameters(Map.of("window", "PT0S")), BUILT_IN))
                .hasMessage("parameter 'window' of rule 'ct': \"PT0S\" is not a positive duration");
    }

    @Test
    void fromParametersRejectsASmallAmountAboveTheDefaultLargeAmount() {
        RuleParameters parameters = new RuleParameters(Map.of("smallAmountMaxMinor", "20000"));

        assertThatThrownBy(() -> CardTestingRule.fromParameters("ct", parameters, BUILT_IN))
                .hasMessage(
                        "parameter 'largeAmountMinMinor' of rule 'ct': \"10000\" is not above smallAmountMaxMinor (20000)");
    }
}
