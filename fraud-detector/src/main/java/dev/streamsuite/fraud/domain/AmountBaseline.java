package dev.streamsuite.fraud.domain;

/**
 * Exponentially weighted mean and variance of a card's payment amounts, in minor units.
 *
 * <p>Exponential weighting lets the baseline follow a card whose spending drifts, in constant space, without a
 * window of past amounts.
 *
 * @param count how many amounts have been observed
 */
public record AmountBaseline(long count, double mean, double variance) {

    private static final AmountBaseline EMPTY = new AmountBaseline(0, 0.0, 0.0);

    public AmountBaseline {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, was " + mean);
        }
        if (!(variance >= 0.0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance must be finite and not negative, was " + variance);
        }
    }

    public static AmountBaseline empty() {
        return EMPTY;
    }

    /**
     * Adds one observation. The first one sets the mean and leaves the variance at zero; later ones use the
     * incremental form (Finch 2009), which equals the weighted variance of all observations so far.
     *
     * @param alpha weight of the new observation, in (0, 1]
     */
    public AmountBaseline update(double amount, double alpha) {
        if (!(alpha > 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("alpha must be within (0, 1], was " + alpha);
        }
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount must be finite, was " + amount);
        }
        if (count == 0) {
            return new AmountBaseline(1, amount, 0.0);
        }
        double diff = amount - mean;
        double increment = alpha * diff;
        return new AmountBaseline(count + 1, mean + increment, (1 - alpha) * (variance + diff * increment));
    }

    public double stdDev() {
        return Math.sqrt(variance);
    }

    /**
     * How many standard deviations {@code amount} lies above the mean; negative below it.
     *
     * @param minStdDev floor for the standard deviation, so that a card with very regular amounts does not turn
     *     every small change into a huge z-score; must be positive
     */
    public double zScore(double amount, double minStdDev) {
        if (!(minStdDev > 0.0) || Double.isInfinite(minStdDev)) {
            throw new IllegalArgumentException("minStdDev must be positive and finite, was " + minStdDev);
        }
        return (amount - mean) / Math.max(stdDev(), minStdDev);
    }
}
