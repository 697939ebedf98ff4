package dev.streamsuite.fraud.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleParametersTest {

    private static RuleParameters of(String name, String value) {
        return new RuleParameters(Map.of(name, value));
    }

    @Test
    void missingParametersTakeTheirDefaults() {
        RuleParameters empty = RuleParameters.empty();

        assertThat(empty.integer("n", 7)).isEqualTo(7);
        assertThat(empty.longValue("n", 7L)).isEqualTo(7L);
        assertThat(empty.decimal("n", 2.5)).isEqualTo(2.5);
        assertThat(empty.duration("n", Duration.ofMinutes(3))).isEqualTo(Duration.ofMinutes(3));
        assertThat(empty.longMap("limit.", Map.of("a", 1L))).containsExactly(Map.entry("a", 1L));
        assertThat(empty.has("n")).isFalse();
    }

    @Test
    void readsTypedValues() {
        RuleParameters parameters = new RuleParameters(Map.of(
                "count", "12", "big", "9000000000", "ratio", "3.25", "exp", "1e3", "window", "PT1M", "day", "P1D"));

        assertThat(parameters.integer("count", 0)).isEqualTo(12);
        assertThat(parameters.longValue("big", 0)).isEqualTo(9_000_000_000L);
        assertThat(parameters.decimal("ratio", 0)).isEqualTo(3.25);
        assertThat(parameters.decimal("exp", 0)).isEqualTo(1_000.0);
        assertThat(parameters.duration("window", Duration.ZERO)).isEqualTo(Duration.ofMinutes(1));
        assertThat(parameters.duration("day", Duration.ZERO)).isEqualTo(Duration.ofDays(1));
        assertThat(parameters.has("count")).isTrue();
    }

    @Test
    void acceptsZeroForNumbers() {
        RuleParameters parameters = of("n", "0");

        assertThat(parameters.integer("n", 5)).isZero();
        assertThat(parameters.longValue("n", 5)).isZero();
        assertThat(parameters.decimal("n", 5)).isZero();
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(of("n", " 12 ").integer("n", 0)).isEqualTo(12);
        assertThat(of("d", "\tPT2M ").duration("d", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(of("x", " 0.5").decimal("x", 0)).isEqualTo(0.5);
    }

    @Test
    void aPresentButMalformedValueIsAnErrorNotTheDefault() {
        assertThatThrownBy(() -> of("maxPayments", "five").integer("maxPayments", 5))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("parameter 'maxPayments': \"five\" is not a whole number from 0 to 2147483647")
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "", "2147483648", "1e3"})
    void rejectsIntegersThatAreNotWholeNumbersInRange(String value) {
        assertThatThrownBy(() -> of("n", value).integer("n", 5))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("parameter 'n': \"" + value + "\" is not a whole number from 0 to 2147483647");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "ten", "9223372036854775808"})
    void rejectsLongsThatAreNotWholeNumbersInRange(String value) {
        assertThatThrownBy(() -> of("n", value).longValue("n", 5))
                .hasMessage("parameter 'n': \"" + value + "\" is not a whole number from 0 to " + Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "NaN", "Infinity", "1d", "0x1p3", "three", "1e400", ""})
    void rejectsDecimalsThatAreNotPlainFiniteNonNegativeNumbers(String value) {
        assertThatThrownBy(() -> of("x", value).decimal("x", 1))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("parameter 'x': \"" + value + "\" is not a non-negative decimal number such as 3.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 minute", "60", "PT", "1M", ""})
    void rejectsDurationsThatAreNotIso8601(String value) {
        assertThatThrownBy(() -> of("window", value).duration("window", Duration.ofMinutes(1)))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("parameter 'window': \"" + value + "\" is not an ISO-8601 duration such as PT1M")
                .hasCauseInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1M", "PT-5S"})
    void rejectsDurationsThatAreNotPositive(String value) {
        assertThatThrownBy(() -> of("window", value).duration("window", Duration.ofMinutes(1)))
                .hasMessage("parameter 'window': \"" + value + "\" is not a positive duration");
    }

    @Test
    void longMapReadsEveryParameterWithThePrefix() {
        RuleParameters parameters = new RuleParameters(Map.of(
                "categoryLimit.7995", "50000", "categoryLimit.6011", "20000", "maxZScore", "3", "categoryLimits", "1"));

        assertThat(parameters.longMap("categoryLimit.", Map.of()))
                .containsExactly(Map.entry("6011", 20_000L), Map.entry("7995", 50_000L));
    }

    @Test
    void longMapOverridesDefaultsPerKeyAndKeepsTheOthers() {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("7995", 10_000L);
        defaults.put("5933", 1L);
        RuleParameters parameters =
                new RuleParameters(Map.of("categoryLimit.7995", "50000", "categoryLimit.4829", "0"));

        assertThat(parameters.longMap("categoryLimit.", defaults))
                .containsExactly(Map.entry("7995", 50_000L), Map.entry("5933", 1L), Map.entry("4829", 0L));
    }

    @Test
    void longMapRejectsAMalformedValueNamingTheWholeParameter() {
        assertThatThrownBy(() -> of("categoryLimit.7995", "lots").longMap("categoryLimit.", Map.of()))
                .hasMessage(
                        "parameter 'categoryLimit.7995': \"lots\" is not a whole number from 0 to " + Long.MAX_VALUE);
    }

    @Test
    void longMapRejectsAParameterWithoutAKey() {
        assertThatThrownBy(() -> of("categoryLimit.", "100").longMap("categoryLimit.", Map.of()))
                .hasMessage("parameter 'categoryLimit.': \"100\" is not accepted without a key after 'categoryLimit.'");
    }

    @Test
    void inRuleAddsTheRuleToTheMessageAndKeepsTheRest() {
        InvalidRuleException plain = new InvalidRuleException("window", "1 minute", "a positive duration");

        InvalidRuleException named = plain.inRule("velocity-eu");

        assertThat(named)
                .hasMessage("parameter 'window' of rule 'velocity-eu': \"1 minute\" is not a positive duration");
        assertThat(named.ruleId()).isEqualTo("velocity-eu");
        assertThat(named.parameter()).isEqualTo("window");
        assertThat(named.value()).isEqualTo("1 minute");
        assertThat(named.expectation()).isEqualTo("a positive duration");
        assertThat(plain.ruleId()).isNull();
    }

    @Test
    void inRuleKeepsTheCause() {
        InvalidRuleException e = catchInvalid(() -> of("n", "x").integer("n", 1));

        assertThat(e.inRule("r")).hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void theParametersCannotBeChangedFromOutside() {
        Map<String, String> source = new LinkedHashMap<>(Map.of("n", "1"));
        RuleParameters parameters = new RuleParameters(source);

        source.put("n", "2");

        assertThat(parameters.integer("n", 0)).isEqualTo(1);
        assertThatThrownBy(() -> parameters.values().put("n", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static InvalidRuleException catchInvalid(Runnable action) {
        try {
            action.run();
        } catch (InvalidRuleException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidRuleException");
    }
}
