package dev.streamsuite.simulator;

/**
 * The exponentially weighted mean and variance of a card's amounts, computed as fraud-detector's amount-anomaly rule
 * does, so that the simulator knows which of its payments that rule will find anomalous.
 */
final class AmountBaselineMirror {

    /** fraud-detector's defaults: {@code fraud.amount-anomaly.*}. */
    static final double ALPHA = 0.1;

    static final long MIN_HISTORY = 10;
    static final double MIN_STD_DEV_MINOR = 1_000.0;
    static final double MAX_Z_SCORE = 4.0;

    private long count;
    private double mean;
    private double variance;

    void update(double amount) {
        if (count == 0) {
            mean = amount;
            variance = 0.0;
        } else {
            double diff = amount - mean;
            double increment = ALPHA * diff;
            mean += increment;
            variance = (1 - ALPHA) * (variance + diff * increment);
        }
        count++;
    }

    long count() {
        return count;
    }

    double mean() {
        return mean;
    }

    double stdDev() {
        return Math.sqrt(variance);
    }

    /** Standard deviations above the mean, the deviation floored at {@link #MIN_STD_DEV_MINOR}. */
    double zScore(double amount) {
        return (amount - mean) / Math.max(stdDev(), MIN_STD_DEV_MINOR);
    }

    /** Whether the rule, with its defaults, fires on {@code amount} given the amounts seen so far. */
    boolean isAnomalous(double amount) {
        return count >= MIN_HISTORY && zScore(amount) > MAX_Z_SCORE;
    }

    /** The smallest whole amount with at least the given z-score. */
    long amountWithZScore(double zScore) {
        return (long) Math.ceil(mean + zScore * Math.max(stdDev(), MIN_STD_DEV_MINOR)) + 1;
    }
}
