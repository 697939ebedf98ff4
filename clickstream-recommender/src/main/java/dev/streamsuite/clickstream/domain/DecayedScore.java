package dev.streamsuite.clickstream.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A score that decays over time, stored as its value at {@code asOf}. Storing the time with the value lets a
 * score be updated or read at any later time without having been touched in between.
 */
public record DecayedScore(double value, Instant asOf) {

    public DecayedScore {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, was " + value);
        }
        Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Adds {@code amount} that arrived at event time {@code at}. The existing value is decayed to {@code at} first.
     * An amount older than {@code asOf} (an out-of-order event) is decayed forward to {@code asOf} instead, so the
     * result is the same whatever order the events arrive in.
     */
    public DecayedScore plus(double amount, Instant at, Decay decay) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount must be finite, was " + amount);
        }
        if (at.isBefore(asOf)) {
            return new DecayedScore(value + decay.decayed(amount, at, asOf), asOf);
        }
        return new DecayedScore(decay.decayed(value, asOf, at) + amount, at);
    }

    /** The value decayed to {@code now}; unchanged for a {@code now} before {@code asOf}. */
    public double valueAt(Instant now, Decay decay) {
        return decay.decayed(value, asOf, now);
    }
}
