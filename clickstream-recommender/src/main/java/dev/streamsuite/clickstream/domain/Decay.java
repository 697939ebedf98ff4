package dev.streamsuite.clickstream.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Exponential time decay: a score loses half its value every {@code halfLife}. Old co-occurrences fade without a
 * window of past events, so a store only needs each score and the time it was last brought up to date.
 */
public record Decay(Duration halfLife) {

    public Decay {
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("halfLife must be positive, was " + halfLife);
        }
    }

    public static Decay withHalfLife(Duration halfLife) {
        return new Decay(halfLife);
    }

    /**
     * {@code score * 2^(-(now - scoredAt) / halfLife)}. A {@code now} before {@code scoredAt} returns the score
     * unchanged: decay never makes a score grow, so an out-of-order reader cannot inflate it.
     */
    public double decayed(double score, Instant scoredAt, Instant now) {
        if (!now.isAfter(scoredAt)) {
            return score;
        }
        // The span in nanoseconds, without a Duration per call (this runs for every related item of every update).
        double elapsed =
                (now.getEpochSecond() - scoredAt.getEpochSecond()) * 1e9 + (now.getNano() - scoredAt.getNano());
        return score * Math.pow(2.0, -elapsed / halfLifeNanos());
    }

    /** {@link #decayed(double, Instant, Instant)} for times in epoch milliseconds: the same value, no objects. */
    public double decayed(double score, long scoredAtMillis, long nowMillis) {
        if (nowMillis <= scoredAtMillis) {
            return score;
        }
        return score * Math.pow(2.0, -((nowMillis - scoredAtMillis) * 1e6) / halfLifeNanos());
    }

    // As a double so that spans beyond Long.MAX_VALUE nanoseconds (292 years) do not overflow; exact for whole
    // seconds up to about 104 days, which keeps whole half-lives exact in practice.
    private double halfLifeNanos() {
        return halfLife.getSeconds() * 1e9 + halfLife.getNano();
    }
}
