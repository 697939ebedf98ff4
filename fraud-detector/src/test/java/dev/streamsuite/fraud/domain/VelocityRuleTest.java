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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VelocityRuleTest {

    private static final double ALPHA = 0.1;

    /** The built-in instance, as application.yml configures it. */
    private static final VelocityRule BUILT_IN = ServiceSettings.shipped("fraud.velocity", VelocityRule.class);

    private final VelocityRule rule = new VelocityRule(5, Duration.ofMinutes(1));

    /** One payment every {@code stepSeconds} from T0, named tx-0, tx-1, ... */
    private static CardHistory everySeconds(int count, long stepSeconds) {
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            payments.add(payment("tx-" + i, atSeconds(i * stepSeconds)));
        }
        return historyOf(payments.toArray(Payment[]::new));
    }

    @Test
    void doesNotFireAtExactlyTheLimit() {
        CardHistory history = everySeconds(4, 10);

        assertThat(rule.evaluate(history, payment("now", atSeconds(40)))).isEmpty();
    }

    @Test
    void firesWhenSixPaymentsWithinAMinute() {
        CardHistory history = everySeconds(5, 10);

        RuleHit hit = rule.evaluate(history, payment("now", atSeconds(50))).orElseThrow();

        assertThat(hit.reason()).isEqualTo("6 payments within PT1M (limit 5)");
        assertThat(hit.transactionIds()).containsExactly("tx-0", "tx-1", "tx-2", "tx-3", "tx-4", "now");
        assertThat(hit.windowStart()).isEqualTo(T0);
        assertThat(hit.windowEnd()).isEqualTo(atSeconds(50));
        assertThat(hit.figures())
                .containsExactly(entry("count", 6.0), entry("limit", 5.0), entry("windowSeconds", 60.0));
        assertThat(hit.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(hit.score()).isEqualTo(0.6);
    }

    @Test
    void firstPaymentOfACardDoesNotFire() {
        assertThat(new VelocityRule(1, Duration.ofMinutes(1)).evaluate(CardHistory.empty(), payment("first", T0)))
                .isEmpty();
    }

    @Test
    void aPaymentExactlyOneWindowEarlierIsOutsideTheWindow() {
        CardHistory history = everySeconds(5, 10);

        assertThat(rule.evaluate(history, payment("now", atSeconds(60)))).isEmpty();
    }

    @Test
    void aPaymentJustInsideTheWindowCounts() {
        CardHistory history = everySeconds(5, 10);

        assertThat(rule.evaluate(history, payment("now", atSeconds(60).minusNanos(1))))
                .hasValueSatisfying(hit -> assertThat(hit.figures()).containsEntry("count", 6.0));
    }

    @Test
    void paymentsAtTheSameInstantCount() {
        CardHistory history = historyOf(
                payment("a", atSeconds(30)),
                payment("b", atSeconds(30)),
                payment("c", atSeconds(30)),
                payment("d", atSeconds(30)),
                payment("e", atSeconds(30)));

        RuleHit hit = rule.evaluate(history, payment("now", atSeconds(30))).orElseThrow();

        assertThat(hit.transactionIds()).containsExactly("a", "b", "c", "d", "e", "now");
        assertThat(hit.windowStart()).isEqualTo(hit.windowEnd());
    }

    @Test
    void aLatePaymentIsCountedAtItsOwnEventTime() {
        CardHistory history = historyOf(
                payment("tx-0", atSeconds(0)),
                payment("tx-1", atSeconds(10)),
                payment("after-1", atSeconds(120)),
                payment("tx-2", atSeconds(20)),
                payment("tx-3", atSeconds(30)),
                payment("after-2", atSeconds(130)),
                payment("tx-4", atSeconds(40)));

        RuleHit hit = rule.evaluate(history, payment("late", atSeconds(45))).orElseThrow();

        assertThat(hit.transactionIds()).containsExactly("tx-0", "tx-1", "tx-2", "tx-3", "tx-4", "late");
    }

    @Test
    void paymentsAfterALatePaymentDoNotCountForIt() {
        CardHistory history = historyOf(
                payment("a", atSeconds(100)),
                payment("b", atSeconds(101)),
                payment("c", atSeconds(102)),
                payment("d", atSeconds(103)),
                payment("e", atSeconds(104)),
                payment("f", atSeconds(105)));

        assertThat(rule.evaluate(history, payment("late", atSeconds(99)))).isEmpty();
    }

    @Test
    void aRedeliveredPaymentIsNotCountedTwice() {
        CardHistory history =
                everySeconds(4, 10).withPayment(payment("now", atSeconds(40)), Duration.ofDays(1), 100, ALPHA);

        assertThat(rule.evaluate(history, payment("now", atSeconds(40)))).isEmpty();
    }

    @Test
    void nineOfFiveIsStillMedium() {
        RuleHit hit =
                rule.evaluate(everySeconds(8, 1), payment("now", atSeconds(8))).orElseThrow();

        assertThat(hit.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(hit.score()).isEqualTo(0.9);
    }

    @Test
    void twiceTheLimitIsHighWithFullScore() {
        RuleHit hit =
                rule.evaluate(everySeconds(9, 1), payment("now", atSeconds(9))).orElseThrow();

        assertThat(hit.severity()).isEqualTo(Severity.HIGH);
        assertThat(hit.score()).isEqualTo(1.0);
    }

    @Test
    void scoreIsCappedAtOne() {
        RuleHit hit = rule.evaluate(everySeconds(30, 1), payment("now", atSeconds(30)))
                .orElseThrow();

        assertThat(hit.score()).isEqualTo(1.0);
        assertThat(hit.figures()).containsEntry("count", 31.0);
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThatThrownBy(() -> new VelocityRule(0, Duration.ofMinutes(1)))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("parameter 'maxPayments': \"0\" is not at least 1");
    }

    @Test
    void rejectsANonPositiveWindow() {
        assertThatThrownBy(() -> new VelocityRule(5, Duration.ZERO))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("parameter 'window': \"PT0S\" is not a positive duration");
    }

    @Test
    void fromParametersTakesTheDefaultsForMissingParameters() {
        VelocityRule defaults = new VelocityRule(7, Duration.ofMinutes(2));

        assertThat(VelocityRule.fromParameters("velocity-eu", RuleParameters.empty(), defaults))
                .isEqualTo(defaults);
        assertThat(VelocityRule.fromParameters("velocity-eu", new RuleParameters(Map.of("window", "PT30S")), defaults))
                .isEqualTo(new VelocityRule(7, Duration.ofSeconds(30)));
    }

    @Test
    void fromParametersReadsEveryParameter() {
        RuleParameters parameters = new RuleParameters(Map.of("maxPayments", "3", "window", "PT5M"));

        assertThat(VelocityRule.fromParameters("velocity-eu", parameters, BUILT_IN))
                .isEqualTo(new VelocityRule(3, Duration.ofMinutes(5)));
    }

    @Test
    void fromParametersNamesTheRuleParameterAndValueOfAMalformedWindow() {
        RuleParameters parameters = new RuleParameters(Map.of("window", "1 minute"));

        assertThatThrownBy(() -> VelocityRule.fromParameters("velocity-eu", parameters, BUILT_IN))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage(
                        "parameter 'window' of rule 'velocity-eu': \"1 minute\" is not an ISO-8601 duration such as PT1M");
    }

    @Test
    void fromParametersRejectsALimitOfZeroNamingTheRule() {
        RuleParameters parameters = new RuleParameters(Map.of("maxPayments", "0"));

        assertThatThrownBy(() -> VelocityRule.fromParameters("velocity-eu", parameters, BUILT_IN))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("parameter 'maxPayments' of rule 'velocity-eu': \"0\" is not at least 1")
                .satisfies(e -> assertThat(((InvalidRuleException) e).ruleId()).isEqualTo("velocity-eu"));
    }

    @Test
    void fromParametersRejectsANegativeLimit() {
        RuleParameters parameters = new RuleParameters(Map.of("maxPayments", "-1"));

        assertThatThrownBy(() -> VelocityRule.fromParameters("velocity-eu", parameters, BUILT_IN))
                .hasMessage(
                        "parameter 'maxPayments' of rule 'velocity-eu': \"-1\" is not a whole number from 0 to 2147483647");
    }
}
