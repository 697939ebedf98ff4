package dev.streamsuite.iot.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Test readings, and their statistics computed the slow, obvious way to check {@link ReadingStats} against. */
final class Readings {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Readings() {}

    record Reading(double value, Instant eventTime) {}

    /** Statistics by two passes in exact decimal arithmetic, so that the reference has no rounding worth naming. */
    record Expected(long count, double mean, double variance, double min, double max, double first, double last) {}

    static Instant atSeconds(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** {@code n} readings one second apart, values around {@code offset}, shuffled into a random arrival order. */
    static List<Reading> shuffledReadings(long seed, int n, double offset, double spread) {
        Random random = new Random(seed);
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            readings.add(new Reading(offset + random.nextGaussian() * spread, atSeconds(i)));
        }
        Collections.shuffle(readings, random);
        return readings;
    }

    static ReadingStats statsOf(List<Reading> readings) {
        ReadingStats stats = ReadingStats.empty();
        for (Reading reading : readings) {
            stats = stats.add(reading.value(), reading.eventTime());
        }
        return stats;
    }

    /** Expects distinct event times, as first and last by event time are otherwise ambiguous. */
    static Expected bruteForce(List<Reading> readings) {
        MathContext precision = MathContext.DECIMAL128;
        BigDecimal n = BigDecimal.valueOf(readings.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (Reading reading : readings) {
            sum = sum.add(new BigDecimal(reading.value()));
        }
        BigDecimal mean = sum.divide(n, precision);
        BigDecimal squares = BigDecimal.ZERO;
        for (Reading reading : readings) {
            BigDecimal deviation = new BigDecimal(reading.value()).subtract(mean);
            squares = squares.add(deviation.multiply(deviation));
        }
        List<Reading> byTime = new ArrayList<>(readings);
        byTime.sort(Comparator.comparing(Reading::eventTime));
        return new Expected(
                readings.size(),
                mean.doubleValue(),
                squares.divide(n, precision).doubleValue(),
                readings.stream().mapToDouble(Reading::value).min().orElseThrow(),
                readings.stream().mapToDouble(Reading::value).max().orElseThrow(),
                byTime.get(0).value(),
                byTime.get(byTime.size() - 1).value());
    }
}
