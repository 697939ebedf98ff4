package dev.streamsuite.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/** Draws from a seeded {@link Random}; every simulator owns its generators, so a seed fixes the whole run. */
public final class Randoms {

    private Randoms() {}

    /** A generator for one purpose of one simulator: the seed mixed with a purpose-specific salt. */
    public static Random forPurpose(long seed, long salt) {
        return new Random(seed * 0x9E3779B97F4A7C15L ^ salt);
    }

    /** How many events of a Poisson process with {@code lambda} expected events happen (Knuth; normal above 30). */
    public static int poisson(Random random, double lambda) {
        if (!(lambda > 0)) {
            return 0;
        }
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        int count = 0;
        double product = random.nextDouble();
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** A standard normal draw clamped to {@code [-limit, limit]}. */
    public static double clampedGaussian(Random random, double limit) {
        return Math.max(-limit, Math.min(limit, random.nextGaussian()));
    }

    /** Uniform in {@code [min, max]}, both inclusive. */
    public static long between(Random random, long min, long max) {
        return min + (long) Math.floor(random.nextDouble() * (max - min + 1));
    }

    public static double between(Random random, double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    /** A uniform duration in {@code [min, max]}, to the millisecond. */
    public static Duration between(Random random, Duration min, Duration max) {
        return Duration.ofMillis(between(random, min.toMillis(), max.toMillis()));
    }

    /** Exponentially distributed with the given mean, to the millisecond. */
    public static Duration exponential(Random random, Duration mean) {
        return Duration.ofMillis(Math.round(-Math.log(1.0 - random.nextDouble()) * mean.toMillis()));
    }

    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Seconds from {@code earlier} to {@code later}, never negative. */
    public static double secondsBetween(Instant earlier, Instant later) {
        return Math.max(0, Duration.between(earlier, later).toMillis()) / 1000.0;
    }

    /** Tries the options in a random rotation until one succeeds; true when one did. */
    public static <T> boolean firstThatSucceeds(Random random, List<T> options, Predicate<T> attempt) {
        if (options.isEmpty()) {
            return false;
        }
        int first = random.nextInt(options.size());
        for (int i = 0; i < options.size(); i++) {
            if (attempt.test(options.get((first + i) % options.size()))) {
                return true;
            }
        }
        return false;
    }

    /** A tick time in whole milliseconds that never goes back before the previous tick. */
    public static Instant notBefore(Instant now, Instant lastTick) {
        Instant t = now.truncatedTo(ChronoUnit.MILLIS);
        return lastTick != null && t.isBefore(lastTick) ? lastTick : t;
    }
}
