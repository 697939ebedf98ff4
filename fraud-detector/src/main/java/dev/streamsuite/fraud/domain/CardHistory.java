package dev.streamsuite.fraud.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is remembered about one card between its payments: the recent payments, ordered by event time, and the
 * baseline of its amounts. Immutable; every change returns a new instance.
 *
 * <p>Payments are kept in event-time order whatever order they arrived in, so that the windows of the rules see a
 * late payment at its own time. Payments with equal event times stay in arrival order.
 *
 * @param payments recent payments, oldest first
 */
public record CardHistory(List<PastPayment> payments, AmountBaseline baseline) {

    /** Weight of the newest amount in the baseline when the caller does not choose one. */
    private static final CardHistory EMPTY = new CardHistory(List.of(), AmountBaseline.empty());

    /** Accepts the payments in any order (e.g. as read back from storage) and sorts them by event time. */
    public CardHistory {
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(baseline, "baseline");
        List<PastPayment> sorted = new ArrayList<>(payments);
        // A stable sort, so equal event times keep the order in which they were stored.
        sorted.sort(Comparator.comparing(PastPayment::eventTime));
        payments = List.copyOf(sorted);
    }

    public static CardHistory empty() {
        return EMPTY;
    }

    /**
     * Records a payment: inserts it at its place in event time, feeds its amount to the baseline, then drops the
     * payments older than {@code retention} before the newest event time held and, beyond {@code maxEntries}, the
     * oldest ones. A payment exactly {@code retention} before the newest is kept. A payment that arrives so late
     * that it falls outside the retention still counts in the baseline.
     *
     * <p>A payment whose transaction id is already held is a redelivery: the history is returned unchanged, so
     * replaying a payment does not count it twice.
     *
     * @param baselineAlpha weight of this amount in the baseline, in (0, 1]
     */
    public CardHistory withPayment(Payment payment, Duration retention, int maxEntries, double baselineAlpha) {
        Objects.requireNonNull(payment, "payment");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        if (contains(payment.transactionId())) {
            return this;
        }
        AmountBaseline updatedBaseline = baseline.update(payment.amountMinor(), baselineAlpha);

        List<PastPayment> updated = new ArrayList<>(payments.size() + 1);
        updated.addAll(payments);
        updated.add(insertionIndex(payment.eventTime()), PastPayment.of(payment));

        Instant cutoff = updated.get(updated.size() - 1).eventTime().minus(retention);
        int firstKept = 0;
        while (firstKept < updated.size() && updated.get(firstKept).eventTime().isBefore(cutoff)) {
            firstKept++;
        }
        firstKept = Math.max(firstKept, updated.size() - maxEntries);
        return new CardHistory(updated.subList(firstKept, updated.size()), updatedBaseline);
    }

    /** Whether a payment with this transaction id is held. */
    public boolean contains(String transactionId) {
        for (PastPayment p : payments) {
            if (p.transactionId().equals(transactionId)) {
                return true;
            }
        }
        return false;
    }

    /** The newest event time held, empty when no payment is held. */
    public Optional<Instant> newestEventTime() {
        return payments.isEmpty()
                ? Optional.empty()
                : Optional.of(payments.get(payments.size() - 1).eventTime());
    }

    /** Payments with {@code fromExclusive < eventTime <= toInclusive}, oldest first. */
    public List<PastPayment> paymentsBetween(Instant fromExclusive, Instant toInclusive) {
        return payments.stream()
                .filter(p ->
                        p.eventTime().isAfter(fromExclusive) && !p.eventTime().isAfter(toInclusive))
                .toList();
    }

    /** The latest payment with a location whose event time is strictly before {@code t}. */
    public Optional<PastPayment> lastLocatedBefore(Instant t) {
        for (int i = payments.size() - 1; i >= 0; i--) {
            PastPayment p = payments.get(i);
            if (p.location() != null && p.eventTime().isBefore(t)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The latest payment with a location that precedes the payment {@code transactionId} at {@code t}: one with an
     * earlier event time, or with the same event time and a different transaction id. Two payments at the same
     * instant are thus taken as one after the other (the later one held wins), so that two far-apart payments at
     * the same instant can be caught. A payment with the given transaction id itself is never returned.
     */
    public Optional<PastPayment> lastLocatedBefore(Instant t, String transactionId) {
        for (int i = payments.size() - 1; i >= 0; i--) {
            PastPayment p = payments.get(i);
            if (p.location() != null
                    && !p.eventTime().isAfter(t)
                    && !p.transactionId().equals(transactionId)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** After all payments at or before {@code t}, so equal event times keep arrival order. */
    private int insertionIndex(Instant t) {
        int low = 0;
        int high = payments.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (payments.get(mid).eventTime().isAfter(t)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
