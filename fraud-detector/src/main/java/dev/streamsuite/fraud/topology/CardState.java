package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.AmountBaseline;
import dev.streamsuite.fraud.domain.CardHistory;
import dev.streamsuite.fraud.domain.GeoPoint;
import dev.streamsuite.fraud.domain.PastPayment;
import dev.streamsuite.fraud.state.CardProfile;
import dev.streamsuite.fraud.state.StoredPayment;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A card's state in domain terms, and its mapping to and from the state-store record. */
record CardState(CardHistory history, Map<String, Instant> lastAlertTimes, Instant lastEventTime) {

    static final CardState NEW = new CardState(CardHistory.empty(), Map.of(), Instant.EPOCH);

    static CardState from(CardProfile profile) {
        if (profile == null) {
            return NEW;
        }
        var payments = profile.getPayments().stream()
                .map(p -> new PastPayment(
                        p.getTransactionId(),
                        p.getAmountMinor(),
                        p.getLatitude() == null ? null : new GeoPoint(p.getLatitude(), p.getLongitude()),
                        p.getEventTime()))
                .toList();
        var baseline = new AmountBaseline(
                profile.getBaselineCount(), profile.getBaselineMean(), profile.getBaselineVariance());
        return new CardState(
                new CardHistory(payments, baseline),
                Map.copyOf(profile.getLastAlertTimes()),
                profile.getLastEventTime());
    }

    CardProfile toProfile() {
        var payments = history.payments().stream()
                .map(p -> new StoredPayment(
                        p.transactionId(),
                        p.amountMinor(),
                        p.location() == null ? null : p.location().latitude(),
                        p.location() == null ? null : p.location().longitude(),
                        p.eventTime()))
                .toList();
        var baseline = history.baseline();
        return new CardProfile(
                payments,
                baseline.count(),
                baseline.mean(),
                baseline.variance(),
                new HashMap<>(lastAlertTimes),
                lastEventTime);
    }

    CardState withAlert(String ruleId, Instant eventTime) {
        var alerts = new HashMap<>(lastAlertTimes);
        alerts.put(ruleId, eventTime);
        return new CardState(history, alerts, lastEventTime);
    }
}
