package dev.streamsuite.fraud.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.function.Supplier;

/** What the rules share: one scoring scale, and how they write figures into reasons. */
final class Rules {

    private Rules() {}

    /**
     * One scale for every threshold rule: just over the threshold scores about 0.5, twice the threshold or more
     * scores 1.0, so that one marginal hit alone does not decline a payment under a typical decision policy.
     */
    static double overThresholdScore(double observed, double threshold) {
        if (observed == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        return Math.min(1.0, observed / (2.0 * threshold));
    }

    /**
     * Reads a rule's published parameters; a parameter that is wrong names the rule it belongs to
     * ({@link InvalidRuleException#inRule}).
     */
    static <R extends Rule> R parsed(String ruleId, Supplier<R> parse) {
        try {
            return parse.get();
        } catch (InvalidRuleException e) {
            throw e.inRule(ruleId);
        }
    }

    /** Locale-independent, so reasons read the same on every host. */
    static String format(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    /** In major units when the currency is known (1234 EUR minor units as "12.34 EUR"), else in minor units. */
    static String formatAmount(long amountMinor, String currency) {
        int digits;
        try {
            digits = Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknownCurrency) {
            digits = -1;
        }
        if (digits < 0) {
            return amountMinor + " " + currency + " minor units";
        }
        return BigDecimal.valueOf(amountMinor, digits).toPlainString() + " " + currency;
    }

    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    static void requirePositive(Duration value, String parameter) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidRuleException(parameter, value.toString(), "a positive duration");
        }
    }
}
