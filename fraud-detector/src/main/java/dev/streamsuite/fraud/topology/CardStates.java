package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.AmountBaseline;
import dev.streamsuite.fraud.domain.CardHistory;
import dev.streamsuite.fraud.domain.GeoPoint;
import dev.streamsuite.fraud.domain.PastPayment;
import dev.streamsuite.fraud.state.CardState;
import dev.streamsuite.fraud.state.PastPaymentState;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps a card's stored state ({@code card-state} store) to and from the history the rules see. The
 * stored times are epoch milliseconds: see {@code InternalFormat} on why internal records carry no
 * logical types.
 */
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
                        Instant.ofEpochMilli(p.getEventTime())))
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
                        p.eventTime().toEpochMilli()))
                .toList();
        var baseline = history.baseline();
        var alertTimes = new HashMap<String, Long>(lastAlertTimes.size() * 2);
        lastAlertTimes.forEach((rule, time) -> alertTimes.put(rule, time.toEpochMilli()));
        return new CardState(
                payments,
                baseline.count(),
                baseline.mean(),
                baseline.variance(),
                alertTimes,
                lastEventTime.toEpochMilli());
    }

    /** When each rule last alerted on the card (a map the caller may change); empty for a card never seen. */
    static Map<String, Instant> lastAlertTimes(CardState state) {
        var times = new HashMap<String, Instant>();
        if (state != null) {
            state.getLastAlertTimes().forEach((rule, time) -> times.put(rule, Instant.ofEpochMilli(time)));
        }
        return times;
    }

    /** The card's newest payment time; the epoch for a card never seen. */
    static Instant lastEventTime(CardState state) {
        return state == null ? Instant.EPOCH : Instant.ofEpochMilli(state.getLastEventTime());
    }
}
