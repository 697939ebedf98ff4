package dev.streamsuite.fraud.domain;

import dev.streamsuite.schemas.payments.Severity;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule fired for a payment.
 *
 * @param score the rule's confidence, 0..1
 * @param reason for a human: what happened, with the figures
 * @param transactionIds the payments that made the rule fire, oldest first, including the triggering one
 * @param windowStart event time of the oldest payment in {@code transactionIds}; {@code null} when the hit rests on
 *     the triggering payment alone
 * @param windowEnd event time of the newest payment in {@code transactionIds} (inclusive, unlike the half-open
 *     Avro {@code TimeWindow}); {@code null} exactly when {@code windowStart} is
 * @param figures the values the rule compared and their limits, in a stable order
 */
public record RuleHit(
        double score,
        Severity severity,
        String reason,
        List<String> transactionIds,
        Instant windowStart,
        Instant windowEnd,
        Map<String, Double> figures) {

    public RuleHit {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be within 0..1, was " + score);
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
        transactionIds = List.copyOf(transactionIds);
        if (transactionIds.isEmpty()) {
            throw new IllegalArgumentException("a hit needs at least the triggering transaction id");
        }
        if ((windowStart == null) != (windowEnd == null)) {
            throw new IllegalArgumentException("windowStart and windowEnd must both be set or both be null");
        }
        if (windowStart != null && windowStart.isAfter(windowEnd)) {
            throw new IllegalArgumentException("windowStart " + windowStart + " is after windowEnd " + windowEnd);
        }
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}
