package dev.streamsuite.iot.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/** Writes figures into alert reasons and rejection reasons so that people can read them. */
final class NumberText {

    // Twelve significant digits keep every digit a sensor or a person would give, and drop the noise that arithmetic
    // leaves in the last bits, as in 0.02 * 30 = 0.6000000000000001.
    private static final MathContext READABLE = new MathContext(12);

    private NumberText() {}

    /**
     * A value as it was given, e.g. a reading or a threshold: every digit, since rounding could make a value just
     * beyond its limit look equal to it. Plain notation where that stays short.
     */
    static String exact(double value) {
        double magnitude = Math.abs(value);
        if (!Double.isFinite(value) || magnitude >= 1e15 || (magnitude < 1e-6 && magnitude != 0.0)) {
            return Double.toString(value);
        }
        return plain(BigDecimal.valueOf(value));
    }

    /** A value the code computed, e.g. a rate or a band, without the floating-point noise. */
    static String rounded(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return plain(new BigDecimal(value).round(READABLE));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
