package dev.streamsuite.fraud.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A blocked card, account or merchant.
 *
 * @param value the card, account or merchant id
 * @param expiresAt the entry no longer applies to payments at or after this time; {@code null} never expires
 */
public record BlockedEntry(BlockedKind kind, String value, String reason, Instant expiresAt) {

    public BlockedEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the entry applies to a payment at {@code eventTime}. */
    public boolean appliesAt(Instant eventTime) {
        return expiresAt == null || eventTime.isBefore(expiresAt);
    }
}
