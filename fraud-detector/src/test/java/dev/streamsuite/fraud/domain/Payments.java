package dev.streamsuite.fraud.domain;

import java.time.Duration;
import java.time.Instant;

final class Payments {

    private static final double ALPHA = 0.1;

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static final String CARD = "card-1";
    static final String ACCOUNT = "account-1";
    static final String MERCHANT = "merchant-1";
    static final String GROCERY_MCC = "5411";
    static final String GAMBLING_MCC = "7995";

    static final GeoPoint PARIS = new GeoPoint(48.8566, 2.3522);
    static final GeoPoint LONDON = new GeoPoint(51.5074, -0.1278);
    static final GeoPoint NEW_YORK = new GeoPoint(40.7128, -74.0060);

    private Payments() {}

    static Instant at(Duration offset) {
        return T0.plus(offset);
    }

    static Instant atSeconds(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Payment payment(String transactionId, Instant eventTime) {
        return payment(transactionId, eventTime, 1_000);
    }

    static Payment payment(String transactionId, Instant eventTime, long amountMinor) {
        return new Payment(transactionId, CARD, ACCOUNT, MERCHANT, GROCERY_MCC, amountMinor, "EUR", null, eventTime);
    }

    static Payment payment(String transactionId, Instant eventTime, long amountMinor, String mcc) {
        return new Payment(transactionId, CARD, ACCOUNT, MERCHANT, mcc, amountMinor, "EUR", null, eventTime);
    }

    static Payment located(String transactionId, Instant eventTime, GeoPoint location) {
        return new Payment(transactionId, CARD, ACCOUNT, MERCHANT, GROCERY_MCC, 1_000, "EUR", location, eventTime);
    }

    /** Records the payments in the given (arrival) order, with bounds generous enough not to drop any. */
    static CardHistory historyOf(Payment... payments) {
        CardHistory history = CardHistory.empty();
        for (Payment p : payments) {
            history = history.withPayment(p, Duration.ofDays(365), 10_000, ALPHA);
        }
        return history;
    }
}
