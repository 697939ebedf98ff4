package dev.streamsuite.clickstream.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The best {@code capacity} related items of one source item, each with a decaying score.
 *
 * <p>Bounded so that a popular item's store entry stays small. The price is that an item pushed out forgets its
 * score and starts again from its next increment; with a capacity a few times the number of items shown, that only
 * affects items that were not going to be shown.
 *
 * <p>Decay scales every score by the same factor, so the ranking at any time after the latest update is the
 * ranking at that update; {@link #add} ranks there.
 *
 * @param entries distinct items, at most {@code capacity}, in the order the last {@link #add} or {@link #expire}
 *     left them (best first); read a ranking with {@link #ranked}
 */
public record TopItems(int capacity, List<Entry> entries) {

    /**
     * One related item and its score: {@code value} as of {@code asOfMillis} (epoch milliseconds, as the store keeps
     * it). Three fields rather than a {@link DecayedScore} and its {@link Instant}: a task keeps thousands of these in
     * memory ({@code related-items-cache-items}), and two objects fewer per entry is a third of their heap.
     */
    public record Entry(String itemId, double value, long asOfMillis) {

        public Entry {
            ItemIds.require(itemId);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value must be finite, was " + value);
            }
        }

        /** An entry with {@code score}, its time kept to the millisecond. */
        public Entry(String itemId, DecayedScore score) {
            this(itemId, score.value(), score.asOf().toEpochMilli());
        }

        public DecayedScore score() {
            return new DecayedScore(value, Instant.ofEpochMilli(asOfMillis));
        }

        double valueAt(long nowMillis, Decay decay) {
            return decay.decayed(value, asOfMillis, nowMillis);
        }
    }

    public TopItems {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        ItemIds.requireDistinct(entries, Entry::itemId, capacity, "entries");
        entries = List.copyOf(entries);
    }

    public static TopItems empty(int capacity) {
        return new TopItems(capacity, List.of());
    }

    /**
     * Adds {@code weight} at event time {@code at} to {@code itemId}'s score, then keeps the {@code capacity} best
     * entries; equal scores keep the smaller item id. The new item itself is dropped if it does not make the cut.
     */
    public TopItems add(String itemId, double weight, Instant at, Decay decay) {
        return addAll(Map.of(ItemIds.require(itemId), weight), at, decay, Double.NEGATIVE_INFINITY);
    }

    /**
     * Adds each of {@code weights} (item to weight) at event time {@code at}, drops the entries whose score has
     * decayed below {@code minScore} by {@code at}, then keeps the {@code capacity} best; equal scores keep the
     * smaller item id. One ranking for all of them (a click's increments for one item come as one record, up to one
     * per item of the session), and the result does not depend on their order: added one at a time, an entry could be
     * pushed out by one weight before its own weight arrived, and start again from that weight alone.
     */
    public TopItems addAll(Map<String, Double> weights, Instant at, Decay decay, double minScore) {
        long atMillis = at.toEpochMilli();
        long rankedAt = atMillis;
        for (Entry entry : entries) {
            rankedAt = Math.max(rankedAt, entry.asOfMillis());
        }
        List<Valued> kept = new ArrayList<>(entries.size() + weights.size());
        Map<String, Double> added = new HashMap<>(weights);
        for (Entry entry : entries) {
            Double weight = added.remove(entry.itemId());
            Entry updated = weight == null
                    ? entry
                    : new Entry(entry.itemId(), entry.score().plus(weight, at, decay));
            keep(updated, atMillis, rankedAt, decay, minScore, kept);
        }
        for (var weight : added.entrySet()) {
            keep(new Entry(weight.getKey(), weight.getValue(), atMillis), atMillis, rankedAt, decay, minScore, kept);
        }
        // Decay scales every score by the same factor: ranked once, at the newest time any of them was brought to.
        kept.sort(Valued.BEST_FIRST);
        List<Entry> best = new ArrayList<>(Math.min(capacity, kept.size()));
        for (int i = 0; i < kept.size() && i < capacity; i++) {
            best.add(kept.get(i).entry());
        }
        return new TopItems(capacity, best);
    }

    /**
     * Adds {@code entry} to {@code kept}, valued at {@code rankedAt}, unless it has decayed below {@code minScore} by
     * {@code at}. Where the ranking time is the click's (the usual case), each score is decayed once.
     */
    private static void keep(Entry entry, long at, long rankedAt, Decay decay, double minScore, List<Valued> kept) {
        double valueAtClick = entry.valueAt(at, decay);
        if (valueAtClick >= minScore) {
            kept.add(new Valued(entry, rankedAt == at ? valueAtClick : entry.valueAt(rankedAt, decay)));
        }
    }

    /** An entry and its score at the time of ranking. */
    private record Valued(Entry entry, double value) {

        /** Best first, equal values by item id; written out, as it runs for every entry of every update. */
        static final Comparator<Valued> BEST_FIRST = (a, b) -> {
            int byValue = Double.compare(b.value, a.value);
            return byValue != 0 ? byValue : a.entry.itemId().compareTo(b.entry.itemId());
        };
    }

    /** Scores decayed to {@code now}, best first, equal scores by item id. */
    public List<ScoredItem> ranked(Instant now, Decay decay) {
        return entries.stream()
                .map(entry -> new ScoredItem(entry.itemId(), entry.valueAt(now.toEpochMilli(), decay)))
                .sorted(ScoredItem.BEST_FIRST)
                .toList();
    }

    /**
     * Drops the entries whose score has decayed below {@code minScore} by {@code now}, so that pairs nobody clicks
     * any more stop taking space and stop being recommended.
     */
    public TopItems expire(Instant now, Decay decay, double minScore) {
        List<Entry> kept = entries.stream()
                .filter(entry -> entry.valueAt(now.toEpochMilli(), decay) >= minScore)
                .toList();
        return kept.size() == entries.size() ? this : new TopItems(capacity, kept);
    }

    public Optional<DecayedScore> scoreOf(String itemId) {
        return entries.stream()
                .filter(entry -> entry.itemId().equals(itemId))
                .map(Entry::score)
                .findFirst();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
