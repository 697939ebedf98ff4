package dev.streamsuite.streams;

import java.time.Duration;

/**
 * Checks for the services' settings records, each naming the application.yml key that is wrong,
 * so a bad value stops a service at start-up with a message the operator can act on.
 */
public final class SettingChecks {

    private SettingChecks() {}

    public static void requireSet(String key, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(key + " is not set; the service's application.yml declares it");
        }
    }

    public static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + value);
        }
    }

    public static void requireNotNegative(String key, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(key + " must be zero or a positive duration, was " + value);
        }
    }

    public static void requireAtLeast(String key, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", was " + value);
        }
    }

    /**
     * {@code value} is a whole number (at least one) of {@code unit}; {@code why} tells the operator
     * what depends on it, e.g. "counts are kept per advance and a window adds them up".
     */
    public static void requireWholeMultiple(String key, Duration value, String unitKey, Duration unit, String why) {
        if (value.compareTo(unit) < 0 || value.toMillis() % unit.toMillis() != 0) {
            throw new IllegalArgumentException(
                    key + " (" + value + ") must be a whole number of " + unitKey + " (" + unit + "): " + why);
        }
    }

    /** {@code lower < value <= upper}. */
    public static void requireInRange(String key, double value, double lower, double upper) {
        if (!(value > lower && value <= upper)) {
            throw new IllegalArgumentException(key + " must be in (" + lower + ", " + upper + "], was " + value);
        }
    }
}
