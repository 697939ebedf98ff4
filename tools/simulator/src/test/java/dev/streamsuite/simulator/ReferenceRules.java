package dev.streamsuite.simulator;

import dev.streamsuite.schemas.payments.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A brute-force, independent re-statement of fraud-detector's default rules (velocity, amount anomaly, impossible
 * travel, card testing, merchant blocklist) with its per-card, per-rule cooldown, to check the simulator's traffic.
 */
final class ReferenceRules {

    /** A rule firing on a payment; {@code alerted} is false when the cooldown suppressed it. */
    record Hit(String cardId, String kind, String transactionId, Instant eventTime, boolean alerted) {}

    static final Duration COOLDOWN = Duration.ofMinutes(10);

    private ReferenceRules() {}

    /** Every hit, in payment order; payments are taken in the order given (per card, the order of a partition). */
    static List<Hit> evaluate(List<Transaction> payments, Set<String> blockedMerchants) {
        Map<String, List<Transaction>> history = new HashMap<>();
        Map<String, Instant> lastAlert = new HashMap<>();
        List<Hit> hits = new ArrayList<>();
        for (Transaction tx : payments) {
            List<Transaction> before = history.computeIfAbsent(tx.getCardId(), k -> new ArrayList<>());
            List<String> fired = new ArrayList<>();
            if (velocity(before, tx)) {
                fired.add("VELOCITY");
            }
            if (amountAnomaly(before, tx)) {
                fired.add("AMOUNT_ANOMALY");
            }
            if (impossibleTravel(before, tx)) {
                fired.add("IMPOSSIBLE_TRAVEL");
            }
            if (blockedMerchants.contains(tx.getMerchantId())) {
                fired.add("BLOCKLIST");
            }
            if (cardTesting(before, tx)) {
                fired.add("CARD_TESTING");
            }
            for (String kind : fired) {
                String key = tx.getCardId() + "/" + kind;
                Instant last = lastAlert.get(key);
                boolean alerted = last == null || !tx.getEventTime().isBefore(last.plus(COOLDOWN));
                if (alerted) {
                    lastAlert.put(key, tx.getEventTime());
                }
                hits.add(new Hit(tx.getCardId(), kind, tx.getTransactionId(), tx.getEventTime(), alerted));
            }
            before.add(tx);
        }
        return hits;
    }

    /** More than 5 payments with event time in (t - 1 min, t], this one included. */
    static boolean velocity(List<Transaction> before, Transaction tx) {
        Instant t = tx.getEventTime();
        long count = before.stream()
                        .filter(p -> p.getEventTime().isAfter(t.minus(Duration.ofMinutes(1)))
                                && !p.getEventTime().isAfter(t))
                        .count()
                + 1;
        return count > 5;
    }

    /** z-score above 4 against the exponentially weighted baseline (alpha 0.1) of at least 10 earlier amounts. */
    static boolean amountAnomaly(List<Transaction> before, Transaction tx) {
        return before.size() >= 10 && zScore(before, tx.getAmountMinor()) > 4.0;
    }

    static double zScore(List<Transaction> before, long amount) {
        double mean = 0;
        double variance = 0;
        boolean first = true;
        for (Transaction p : before) {
            double x = p.getAmountMinor();
            if (first) {
                mean = x;
                first = false;
            } else {
                double diff = x - mean;
                mean += 0.1 * diff;
                variance = 0.9 * (variance + diff * 0.1 * diff);
            }
        }
        return (amount - mean) / Math.max(Math.sqrt(variance), 1000.0);
    }

    /** Faster than 900 km/h from the latest located payment at or before this one's time, at least 100 km away. */
    static boolean impossibleTravel(List<Transaction> before, Transaction tx) {
        if (tx.getLocation() == null) {
            return false;
        }
        Transaction previous = null;
        for (Transaction p : before) {
            if (p.getLocation() != null
                    && !p.getEventTime().isAfter(tx.getEventTime())
                    && (previous == null || !p.getEventTime().isBefore(previous.getEventTime()))) {
                previous = p;
            }
        }
        if (previous == null) {
            return false;
        }
        double km = distanceKm(previous, tx);
        if (km < 100) {
            return false;
        }
        double hours =
                Duration.between(previous.getEventTime(), tx.getEventTime()).toMillis() / 3_600_000.0;
        return hours == 0 || km / hours > 900;
    }

    static double distanceKm(Transaction a, Transaction b) {
        return City.distanceKm(
                a.getLocation().getLatitude(),
                a.getLocation().getLongitude(),
                b.getLocation().getLatitude(),
                b.getLocation().getLongitude());
    }

    /** At least 10000 after at least 3 payments of at most 200 in (t - 10 min, t). */
    static boolean cardTesting(List<Transaction> before, Transaction tx) {
        if (tx.getAmountMinor() < 10_000) {
            return false;
        }
        Instant t = tx.getEventTime();
        long small = before.stream()
                .filter(p -> p.getEventTime().isAfter(t.minus(Duration.ofMinutes(10)))
                        && p.getEventTime().isBefore(t))
                .filter(p -> p.getAmountMinor() <= 200)
                .count();
        return small >= 3;
    }
}
