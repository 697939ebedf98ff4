package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.AmountBaseline;
import dev.streamsuite.fraud.domain.CardHistory;
import dev.streamsuite.fraud.domain.GeoPoint;
import dev.streamsuite.fraud.domain.PastPayment;
import dev.streamsuite.fraud.state.CardState;
import dev.streamsuite.fraud.state.PastPaymentState;
import java.time.Instant;
import java.util.Map;

/** Maps a card's stored state ({@code card-state} store) to and from the history the rules see. */
final class CardStates {

    private CardStates() {}

    /** The card's history; empty for a card never seen. */
    static CardHistory history(CardState state) {
        if (state == null) {
            return CardHistory.empty();
        }
        var payments = state.getPayments().stream()
                .map(p -> new PastPayment(
                        p.getTransactionId(),
                        p.getAmountMinor(),
                        p.getLatitude() == null ? null : new GeoPoint(p.getLatitude(), p.getLongitude()),
                        p.getEventTime()))
                .toList();
        return new CardHistory(
                payments,
                new AmountBaseline(state.getBaselineCount(), state.getBaselineMean(), state.getBaselineVariance()));
    }

    static CardState state(CardHistory history, Map<String, Instant> lastAlertTimes, Instant lastEventTime) {
        var payments = history.payments().stream()
                .map(p -> new PastPaymentState(
                        p.transactionId(),
                        p.amountMinor(),
                        p.location() == null ? null : p.location().latitude(),
                        p.location() == null ? null : p.location().longitude(),
                        p.eventTime()))
                .toList();
        var baseline = history.baseline();
        return new CardState(
                payments, baseline.count(), baseline.mean(), baseline.variance(), lastAlertTimes, lastEventTime);
    }
}
