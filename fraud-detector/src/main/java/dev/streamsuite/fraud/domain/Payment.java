package dev.streamsuite.fraud.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the rules need to know about one card payment.
 *
 * @param amountMinor amount in the currency's minor unit (cents for EUR)
 * @param location where the card was used, {@code null} when unknown (most e-commerce)
 * @param eventTime when the payment happened; every window of every rule is measured in this time
 */
public record Payment(
        String transactionId,
        String cardId,
        String accountId,
        String merchantId,
        String merchantCategoryCode,
        long amountMinor,
        String currency,
        GeoPoint location,
        Instant eventTime) {

    public Payment {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(merchantCategoryCode, "merchantCategoryCode");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}
