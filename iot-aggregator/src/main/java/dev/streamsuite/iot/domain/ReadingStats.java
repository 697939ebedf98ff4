package dev.streamsuite.iot.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Statistics of the readings of one window, kept as an immutable, mergeable accumulator.
 *
 * <p>Mean and variance use Welford's online algorithm, and {@link #merge} the parallel combination of Chan et al.,
 * rather than sums of values and squares: readings with a large offset and a small spread (a pressure of 1013.25 hPa
 * varying in the third decimal, a counter near 1e9) would otherwise lose the variance to cancellation.
 *
 * <p>{@code first} is the value with the earliest event time and {@code last} the one with the latest, whatever the
 * order of arrival. Of readings with the same event time, {@code first} keeps the one that arrived first and
 * {@code last} the one that arrived last; for {@link #merge} the receiver counts as having arrived before the
 * argument.
 *
 * <p>An empty accumulator has count 0, NaN for {@code mean}, {@code min}, {@code max}, {@code first}, {@code last},
 * {@link #variance()} and {@link #stdDev()}, and {@code null} event times: there is no value to report, and NaN keeps
 * an empty window from passing for one with a real 0.
 *
 * @param count number of readings
 * @param mean arithmetic mean of the values
 * @param m2 sum of squared deviations from the mean; population variance is {@code m2 / count}
 * @param min smallest value
 * @param max largest value
 * @param first value of the reading with the earliest event time
 * @param firstTime earliest event time
 * @param last value of the reading with the latest event time
 * @param lastTime latest event time
 */
public record ReadingStats(
        long count,
        double mean,
        double m2,
        double min,
        double max,
        double first,
        Instant firstTime,
        double last,
        Instant lastTime) {

    private static final ReadingStats EMPTY =
            new ReadingStats(0, Double.NaN, 0.0, Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, null);

    /**
     * Restores an accumulator, e.g. from a state store. With count 0 every other component is replaced by the empty
     * value, so a store that cannot hold NaN or null may keep placeholders and still restore {@link #empty()}.
     */
    public ReadingStats {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if (count == 0) {
            mean = Double.NaN;
            m2 = 0.0;
            min = Double.NaN;
            max = Double.NaN;
            first = Double.NaN;
            firstTime = null;
            last = Double.NaN;
            lastTime = null;
        } else {
            requireFinite("mean", mean);
            requireFinite("m2", m2);
            requireFinite("min", min);
            requireFinite("max", max);
            requireFinite("first", first);
            requireFinite("last", last);
            if (m2 < 0.0) {
                throw new IllegalArgumentException("m2 must not be negative, was " + m2);
            }
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " is above max " + max);
            }
            Objects.requireNonNull(firstTime, "firstTime");
            Objects.requireNonNull(lastTime, "lastTime");
            if (firstTime.isAfter(lastTime)) {
                throw new IllegalArgumentException("firstTime " + firstTime + " is after lastTime " + lastTime);
            }
        }
    }

    public static ReadingStats empty() {
        return EMPTY;
    }

    /** Whether the accumulator has seen no reading. */
    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * Adds one reading.
     *
     * @param value must be finite; screen readings with {@link ReadingValidation} first
     */
    public ReadingStats add(double value, Instant eventTime) {
        requireFinite("value", value);
        Objects.requireNonNull(eventTime, "eventTime");
        if (count == 0) {
            return new ReadingStats(1, value, 0.0, value, value, value, eventTime, value, eventTime);
        }
        long newCount = count + 1;
        double delta = value - mean;
        double newMean = mean + delta / newCount;
        double newM2 = m2 + delta * (value - newMean);
        boolean earlier = eventTime.isBefore(firstTime);
        boolean notEarlierThanLast = !eventTime.isBefore(lastTime);
        return new ReadingStats(
                newCount,
                newMean,
                newM2,
                Math.min(min, value),
                Math.max(max, value),
                earlier ? value : first,
                earlier ? eventTime : firstTime,
                notEarlierThanLast ? value : last,
                notEarlierThanLast ? eventTime : lastTime);
    }

    /**
     * Combines the statistics of two disjoint sets of readings, e.g. the devices of a site or two merged sessions. The
     * receiver counts as the earlier-arrived part for ties of first and last.
     */
    public ReadingStats merge(ReadingStats other) {
        Objects.requireNonNull(other, "other");
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long newCount = count + other.count;
        double delta = other.mean - mean;
        // Weighting by the share of the other part keeps the mean exact when one part dominates.
        double otherShare = (double) other.count / newCount;
        double newMean = mean + delta * otherShare;
        double newM2 = m2 + other.m2 + delta * delta * count * otherShare;
        boolean otherFirst = other.firstTime.isBefore(firstTime);
        boolean otherLast = !other.lastTime.isBefore(lastTime);
        return new ReadingStats(
                newCount,
                newMean,
                newM2,
                Math.min(min, other.min),
                Math.max(max, other.max),
                otherFirst ? other.first : first,
                otherFirst ? other.firstTime : firstTime,
                otherLast ? other.last : last,
                otherLast ? other.lastTime : lastTime);
    }

    /** Population variance ({@code m2 / count}); NaN when empty. */
    public double variance() {
        return count == 0 ? Double.NaN : m2 / count;
    }

    /** Population standard deviation; NaN when empty. */
    public double stdDev() {
        return Math.sqrt(variance());
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }
}
