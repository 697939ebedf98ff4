package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.GeoPoint;
import dev.streamsuite.fraud.domain.Payment;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.EventTimes;
import dev.streamsuite.streams.InvalidRecordException;
import java.util.Currency;

/**
 * Turns a payment record into the facts the rules work on, or rejects it with a reason that
 * ends up in the dead-letter record's {@code __streams.errors.message} header.
 */
final class PaymentValidation {

    private PaymentValidation() {}

    static Payment validate(String key, Transaction payment, long maxAmountMinor, long recordTimestamp) {
        if (payment == null) {
            throw new InvalidRecordException("A payment record needs a value; tombstones are not payments.");
        }
        require(payment.getTransactionId(), "transactionId");
        require(payment.getCardId(), "cardId");
        InvalidRecordException.requireKeyIs(
                key,
                "cardId",
                payment.getCardId(),
                "Payment " + payment.getTransactionId(),
                "produce payments keyed by card");
        require(payment.getAccountId(), "accountId");
        require(payment.getMerchantId(), "merchantId");
        EventTimes.requirePlausible(payment.getEventTime(), recordTimestamp, "Payment " + payment.getTransactionId());
        if (payment.getAmountMinor() < 0) {
            throw new InvalidRecordException("Payment " + payment.getTransactionId() + ": amountMinor is negative ("
                    + payment.getAmountMinor() + "); refunds are not payments.");
        }
        if (payment.getAmountMinor() > maxAmountMinor) {
            throw new InvalidRecordException("Payment " + payment.getTransactionId() + ": amountMinor "
                    + payment.getAmountMinor() + " is above the plausible maximum " + maxAmountMinor
                    + " (fraud.max-amount-minor).");
        }
        if (!isCurrency(payment.getCurrency())) {
            throw new InvalidRecordException("Payment " + payment.getTransactionId() + ": currency '"
                    + payment.getCurrency() + "' is not an ISO 4217 code such as EUR or USD.");
        }
        return new Payment(
                payment.getTransactionId(),
                payment.getCardId(),
                payment.getAccountId(),
                payment.getMerchantId(),
                payment.getMerchantCategoryCode(),
                payment.getAmountMinor(),
                payment.getCurrency(),
                location(payment),
                payment.getEventTime());
    }

    private static GeoPoint location(Transaction payment) {
        var location = payment.getLocation();
        if (location == null) {
            return null;
        }
        try {
            return new GeoPoint(location.getLatitude(), location.getLongitude());
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(
                    "Payment " + payment.getTransactionId() + ": location is invalid: " + e.getMessage());
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException("A payment needs a " + field + "; it is empty.");
        }
    }

    private static boolean isCurrency(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
