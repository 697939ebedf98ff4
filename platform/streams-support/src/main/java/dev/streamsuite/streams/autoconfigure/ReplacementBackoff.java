package dev.streamsuite.streams.autoconfigure;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long to wait before a failed stream thread is replaced: nothing for a first failure, then
 * twice as long for each failure that follows within {@code max} of the previous one, up to
 * {@code max}. A cause that outlasts a thread (the registry down, a broker unreachable) then
 * costs a replacement every {@code max}, not a rebalance loop, and a one-off failure is replaced
 * at once.
 */
final class ReplacementBackoff {

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    private final Duration max;
    private final LongSupplier nanoTime;
    private Duration pause = Duration.ZERO;
    /** System.nanoTime of the previous failure; null before the first. */
    private Long lastFailure;

    ReplacementBackoff(Duration max, LongSupplier nanoTime) {
        this.max = max;
        this.nanoTime = nanoTime;
    }

    /** Records a failure now and returns how long to wait before its replacement. */
    synchronized Duration onFailure() {
        long now = nanoTime.getAsLong();
        boolean soon =
                lastFailure != null && Duration.ofNanos(now - lastFailure).compareTo(max.plus(pause)) <= 0;
        pause = !soon ? Duration.ZERO : min(pause.isZero() ? FIRST_PAUSE : pause.multipliedBy(2), max);
        lastFailure = now;
        return pause;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
