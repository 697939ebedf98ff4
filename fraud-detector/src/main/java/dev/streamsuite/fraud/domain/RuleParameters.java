package dev.streamsuite.fraud.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The string parameters of a configured rule, as published on the rules topic, read as typed values.
 *
 * <p>A parameter that is absent takes the given default. A parameter that is present but malformed or out of range
 * throws {@link InvalidRuleException} rather than falling back to the default, so that a typo in a rule is noticed
 * instead of silently running the rule with other limits. Every numeric parameter of the rules is a count, an amount,
 * a distance, a speed or a z-score limit, so negative numbers are rejected here; rules add stricter checks of their
 * own. Values are trimmed. Parameters no rule asks for are ignored.
 */
public record RuleParameters(Map<String, String> values) {

    private static final RuleParameters EMPTY = new RuleParameters(Map.of());

    public RuleParameters {
        values = Map.copyOf(values);
    }

    public static RuleParameters empty() {
        return EMPTY;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A whole number from 0 to {@link Integer#MAX_VALUE}. */
    public int integer(String name, int defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        return (int) parseNonNegativeLong(name, raw, Integer.MAX_VALUE);
    }

    /** A whole number from 0 to {@link Long#MAX_VALUE}. */
    public long longValue(String name, long defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        return parseNonNegativeLong(name, raw, Long.MAX_VALUE);
    }

    /** A finite, non-negative decimal number such as {@code 3.5} or {@code 1e3}. */
    public double decimal(String name, double defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        String expectation = "a non-negative decimal number such as 3.5";
        double parsed;
        try {
            // BigDecimal rather than Double.parseDouble, which also takes "NaN", "Infinity", "1d" and hex floats.
            parsed = new BigDecimal(raw.trim()).doubleValue();
        } catch (NumberFormatException e) {
            throw new InvalidRuleException(null, name, raw, expectation, e);
        }
        if (!Double.isFinite(parsed) || parsed < 0) {
            throw new InvalidRuleException(name, raw, expectation);
        }
        return parsed;
    }

    /** A positive ISO-8601 duration such as {@code PT1M} or {@code P1D}. */
    public Duration duration(String name, Duration defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRuleException(null, name, raw, "an ISO-8601 duration such as PT1M", e);
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new InvalidRuleException(name, raw, "a positive duration");
        }
        return parsed;
    }

    /**
     * The parameters named {@code prefix + key}, e.g. with prefix {@code "categoryLimit."} the parameter
     * {@code categoryLimit.7995=50000} gives {@code 7995 -> 50000}. Each such parameter overrides the default for
     * its key; keys not configured keep their default. Values are whole numbers from 0.
     *
     * @return keys in the defaults' order, then configured keys in sorted order
     */
    public Map<String, Long> longMap(String prefix, Map<String, Long> defaults) {
        Map<String, Long> result = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(prefix)) {
                continue;
            }
            String key = name.substring(prefix.length());
            if (key.isBlank()) {
                throw new InvalidRuleException(name, entry.getValue(), "accepted without a key after '" + prefix + "'");
            }
            result.put(key, parseNonNegativeLong(name, entry.getValue(), Long.MAX_VALUE));
        }
        return result;
    }

    private static long parseNonNegativeLong(String name, String raw, long max) {
        String expectation = "a whole number from 0 to " + max;
        long parsed;
        try {
            parsed = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRuleException(null, name, raw, expectation, e);
        }
        if (parsed < 0 || parsed > max) {
            throw new InvalidRuleException(name, raw, expectation);
        }
        return parsed;
    }
}
