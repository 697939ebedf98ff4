package dev.streamsuite.fraud.domain;

import static dev.streamsuite.fraud.domain.Payments.GAMBLING_MCC;
import static dev.streamsuite.fraud.domain.Payments.GROCERY_MCC;
import static dev.streamsuite.fraud.domain.Payments.T0;
import static dev.streamsuite.fraud.domain.Payments.atSeconds;
import static dev.streamsuite.fraud.domain.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.streamsuite.schemas.payments.Severity;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmountAnomalyRuleTest {

    private static final double ALPHA = 0.1;

    /** The built-in instance, as application.yml configures it. */
    private static final AmountAnomalyRule BUILT_IN =
            ServiceSettings.shipped("fraud.amount-anomaly", AmountAnomalyRule.class);

    private final AmountAnomalyRule rule = new AmountAnomalyRule(3.0, 3, 100.0, Map.of(GAMBLING_MCC, 50_000L), 0.1);

    /** Mean 10.00 EUR, standard deviation 2.00 EUR, from {@code count} observations. */
    private static CardHistory withBaseline(long count) {
        return new CardHistory(List.of(), new AmountBaseline(count, 1_000, 40_000));
    }

    @Test
    void doesNotFireAtExactlyTheZScoreLimit() {
        assertThat(rule.evaluate(withBaseline(5), payment("tx", T0, 1_600))).isEmpty();
    }

    @Test
    void firesJustAboveTheZScoreLimit() {
        RuleHit hit = rule.evaluate(withBaseline(5), payment("tx", T0, 1_601)).orElseThrow();

        assertThat(hit.figures()).containsEntry("zScore", 3.005);
        assertThat(hit.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(hit.transactionIds()).containsExactly("tx");
        assertThat(hit.windowStart()).isNull();
        assertThat(hit.windowEnd()).isNull();
    }

    @Test
    void reportsTheFiguresOfAZScoreHitInOrder() {
        RuleHit hit = rule.evaluate(withBaseline(5), payment("tx", T0, 2_000)).orElseThrow();

        assertThat(hit.reason())
                .isEqualTo(
                        "amount 20.00 EUR is 5.0 standard deviations above the card's mean of 10.00 EUR (limit 3.0)");
        assertThat(hit.figures())
                .containsExactly(
                        entry("amount", 2_000.0),
                        entry("observations", 5.0),
                        entry("mean", 1_000.0),
                        entry("stdDev", 200.0),
                        entry("zScore", 5.0),
                        entry("zScoreLimit", 3.0));
        assertThat(hit.score()).isEqualTo(5.0 / 6.0);
    }

    @Test
    void twiceTheZScoreLimitIsHighWithFullScore() {
        RuleHit hit = rule.evaluate(withBaseline(5), payment("tx", T0, 2_200)).orElseThrow();

        assertThat(hit.score()).isEqualTo(1.0);
        assertThat(hit.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void usesTheMinimumStandardDeviationForACardWithIdenticalAmounts() {
        CardHistory history = new CardHistory(List.of(), new AmountBaseline(20, 1_000, 0));

        assertThat(rule.evaluate(history, payment("at-limit", T0, 1_300))).isEmpty();
        assertThat(rule.evaluate(history, payment("above", T0, 1_301)))
                .hasValueSatisfying(hit ->
                        assertThat(hit.figures()).containsEntry("stdDev", 0.0).containsEntry("zScore", 3.01));
    }

    @Test
    void amountsBelowTheMeanNeverFire() {
        assertThat(rule.evaluate(withBaseline(5), payment("tx", T0, 0))).isEmpty();
    }

    @Test
    void doesNotJudgeTheZScoreWithTooLittleHistory() {
        assertThat(rule.evaluate(withBaseline(2), payment("tx", T0, 1_000_000))).isEmpty();
    }

    @Test
    void judgesTheZScoreFromExactlyTheMinimumHistory() {
        assertThat(rule.evaluate(withBaseline(3), payment("tx", T0, 1_000_000))).isPresent();
    }

    @Test
    void firstPaymentOfACardNeverFiresOnTheZScore() {
        AmountAnomalyRule strict = new AmountAnomalyRule(0.5, 1, 1.0, Map.of(), 0.1);

        assertThat(strict.evaluate(CardHistory.empty(), payment("first", T0, 99_999_999)))
                .isEmpty();
    }

    @Test
    void firstPaymentOfACardCanFireOnTheCategoryLimit() {
        RuleHit hit = rule.evaluate(CardHistory.empty(), payment("first", T0, 50_001, GAMBLING_MCC))
                .orElseThrow();

        assertThat(hit.reason())
                .isEqualTo("amount 500.01 EUR exceeds the limit of 500.00 EUR for merchant category 7995");
        assertThat(hit.figures())
                .containsExactly(
                        entry("amount", 50_001.0), entry("observations", 0.0), entry("categoryLimit", 50_000.0));
        assertThat(hit.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(hit.score()).isEqualTo(50_001 / 100_000.0);
    }

    @Test
    void doesNotFireAtExactlyTheCategoryLimit() {
        assertThat(rule.evaluate(CardHistory.empty(), payment("tx", T0, 50_000, GAMBLING_MCC)))
                .isEmpty();
    }

    @Test
    void categoriesWithoutALimitHaveNoAbsoluteLimit() {
        assertThat(rule.evaluate(CardHistory.empty(), payment("tx", T0, 10_000_000, GROCERY_MCC)))
                .isEmpty();
    }

    @Test
    void aCategoryLimitOfZeroFiresOnAnyPositiveAmount() {
        AmountAnomalyRule noGambling = new AmountAnomalyRule(3.0, 3, 100.0, Map.of(GAMBLING_MCC, 0L), 0.1);

        assertThat(noGambling.evaluate(CardHistory.empty(), payment("tx", T0, 1, GAMBLING_MCC)))
                .hasValueSatisfying(hit -> assertThat(hit.score()).isEqualTo(1.0));
    }

    @Test
    void reportsBothReasonsAndTheHigherScoreWhenBothFire() {
        RuleHit hit = rule.evaluate(
                        new CardHistory(List.of(), new AmountBaseline(10, 40_000, 40_000)),
                        payment("tx", T0, 60_000, GAMBLING_MCC))
                .orElseThrow();

        assertThat(hit.reason())
                .isEqualTo("amount 600.00 EUR is 100.0 standard deviations above the card's mean of 400.00 EUR"
                        + " (limit 3.0); amount 600.00 EUR exceeds the limit of 500.00 EUR for merchant category 7995");
        assertThat(hit.score()).isEqualTo(1.0);
        assertThat(hit.severity()).isEqualTo(Severity.HIGH);
        assertThat(hit.figures().keySet())
                .containsExactly("amount", "observations", "mean", "stdDev", "zScore", "zScoreLimit", "categoryLimit");
    }

    @Test
    void firesOnASpikeAfterAStableHistoryBuiltFromPayments() {
        CardHistory history = CardHistory.empty();
        long[] amounts = {1_000, 1_100, 950, 1_050, 990, 1_020, 980, 1_010, 1_000, 1_030};
        for (int i = 0; i < amounts.length; i++) {
            history = history.withPayment(
                    payment("tx-" + i, atSeconds(i * 60L), amounts[i]), Duration.ofDays(30), 100, ALPHA);
        }

        assertThat(rule.evaluate(history, payment("usual", atSeconds(3_600), 1_040)))
                .isEmpty();
        assertThat(rule.evaluate(history, payment("spike", atSeconds(3_600), 25_000)))
                .isPresent();
    }

    @Test
    void formatsAmountsOfACurrencyWithoutMinorUnits() {
        AmountAnomalyRule yen = new AmountAnomalyRule(3.0, 3, 100.0, Map.of(GAMBLING_MCC, 50_000L), 0.1);
        Payment payment = new Payment("tx", "card-1", "acc", "m", GAMBLING_MCC, 60_000, "JPY", null, T0);

        assertThat(yen.evaluate(CardHistory.empty(), payment)).hasValueSatisfying(hit -> assertThat(hit.reason())
                .isEqualTo("amount 60000 JPY exceeds the limit of 50000 JPY for merchant category 7995"));
    }

    @Test
    void formatsAmountsOfAnUnknownCurrencyInMinorUnits() {
        Payment payment = new Payment("tx", "card-1", "acc", "m", GAMBLING_MCC, 60_000, "XYZ", null, T0);

        assertThat(rule.evaluate(CardHistory.empty(), payment)).hasValueSatisfying(hit -> assertThat(hit.reason())
                .startsWith("amount 60000 XYZ minor units exceeds the limit of 50000 XYZ minor units"));
    }

    @Test
    void rejectsUnusableParameters() {
        assertThatThrownBy(() -> new AmountAnomalyRule(0, 3, 100, Map.of(), 0.1))
                .hasMessage("parameter 'maxZScore': \"0.0\" is not a positive finite number");
        assertThatThrownBy(() -> new AmountAnomalyRule(3, 0, 100, Map.of(), 0.1))
                .hasMessage("parameter 'minHistory': \"0\" is not at least 1");
        assertThatThrownBy(() -> new AmountAnomalyRule(3, 3, 0, Map.of(), 0.1))
                .hasMessage("parameter 'minStdDevMinor': \"0.0\" is not a positive finite number");
        assertThatThrownBy(() -> new AmountAnomalyRule(3, 3, 100, Map.of("7995", -1L), 0.1))
                .hasMessage("parameter 'categoryLimit.7995': \"-1\" is not at least 0");
    }

    @Test
    void fromParametersReadsEveryParameterAndMergesCategoryLimits() {
        Map<String, Long> defaultLimits = new LinkedHashMap<>();
        defaultLimits.put("7995", 10_000L);
        defaultLimits.put("5933", 1L);
        AmountAnomalyRule defaults = new AmountAnomalyRule(4.0, 10, 1_000.0, defaultLimits, 0.1);
        RuleParameters parameters = new RuleParameters(Map.of(
                "maxZScore", "2.5",
                "minHistory", "20",
                "minStdDevMinor", "250",
                "categoryLimit.7995", "50000",
                "categoryLimit.6011", "20000"));

        AmountAnomalyRule read = AmountAnomalyRule.fromParameters("amount-eu", parameters, defaults);

        assertThat(read)
                .isEqualTo(new AmountAnomalyRule(
                        2.5, 20, 250.0, Map.of("7995", 50_000L, "5933", 1L, "6011", 20_000L), 0.1));
    }

    @Test
    void fromParametersTakesTheDefaultsForMissingParameters() {
        assertThat(AmountAnomalyRule.fromParameters("amount-eu", RuleParameters.empty(), BUILT_IN))
                .isEqualTo(BUILT_IN);
    }

    @Test
    void fromParametersNamesTheRuleOfAMalformedValue() {
        assertThatThrownBy(() -> AmountAnomalyRule.fromParameters(
                        "amount-eu", new RuleParameters(Map.of("maxZScore", "high")), BUILT_IN))
                .hasMessage(
                        "parameter 'maxZScore' of rule 'amount-eu': \"high\" is not a non-negative decimal number such as 3.5");
        assertThatThrownBy(() -> AmountAnomalyRule.fromParameters(
                        "amount-eu", new RuleParameters(Map.of("categoryLimit.7995", "-5")), BUILT_IN))
                .hasMessage(
                        "parameter 'categoryLimit.7995' of rule 'amount-eu': \"-5\" is not a whole number from 0 to "
                                + Long.MAX_VALUE);
        assertThatThrownBy(() -> AmountAnomalyRule.fromParameters(
                        "amount-eu", new RuleParameters(Map.of("minStdDevMinor", "0")), BUILT_IN))
                .hasMessage("parameter 'minStdDevMinor' of rule 'amount-eu': \"0.0\" is not a positive finite number");
    }
}
