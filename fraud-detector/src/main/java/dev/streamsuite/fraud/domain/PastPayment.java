package dev.streamsuite.fraud.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The part of an earlier payment that a {@link CardHistory} keeps.
 *
 * @param location {@code null} when the payment had no location
 */
public record PastPayment(String transactionId, long amountMinor, GeoPoint location, Instant eventTime) {

    public PastPayment {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(eventTime, "eventTime");
    }

    public static PastPayment of(Payment payment) {
        return new PastPayment(payment.transactionId(), payment.amountMinor(), payment.location(), payment.eventTime());
    }
}
