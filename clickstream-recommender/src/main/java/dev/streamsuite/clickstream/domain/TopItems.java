package dev.streamsuite.clickstream.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** One related item and its score. */
    public record Entry(String itemId, DecayedScore score) {

        public Entry {
            ItemIds.require(itemId);
            Objects.requireNonNull(score, "score");
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
        Map<String, DecayedScore> scores = new HashMap<>((entries.size() + weights.size()) * 2);
        Instant rankedAt = at;
        for (Entry entry : entries) {
            scores.put(entry.itemId(), entry.score());
            if (entry.score().asOf().isAfter(rankedAt)) {
                rankedAt = entry.score().asOf();
            }
        }
        weights.forEach((itemId, weight) -> {
            DecayedScore score = scores.get(ItemIds.require(itemId));
            scores.put(itemId, score == null ? new DecayedScore(weight, at) : score.plus(weight, at, decay));
        });
        record Valued(Entry entry, double value) {}
        List<Valued> kept = new ArrayList<>(scores.size());
        boolean rankedAtClick = rankedAt.equals(at);
        for (var score : scores.entrySet()) {
            double valueAtClick = score.getValue().valueAt(at, decay);
            if (valueAtClick >= minScore) {
                kept.add(new Valued(
                        new Entry(score.getKey(), score.getValue()),
                        rankedAtClick ? valueAtClick : score.getValue().valueAt(rankedAt, decay)));
            }
        }
        // Decay scales every score by the same factor: ranked once, at the newest time any of them was brought to.
        kept.sort(Comparator.comparingDouble(Valued::value).reversed().thenComparing(valued -> valued.entry()
                .itemId()));
        List<Entry> best = new ArrayList<>(Math.min(capacity, kept.size()));
        for (int i = 0; i < kept.size() && i < capacity; i++) {
            best.add(kept.get(i).entry());
        }
        return new TopItems(capacity, best);
    }

    /** Scores decayed to {@code now}, best first, equal scores by item id. */
    public List<ScoredItem> ranked(Instant now, Decay decay) {
        return entries.stream()
                .map(entry -> new ScoredItem(entry.itemId(), entry.score().valueAt(now, decay)))
                .sorted(ScoredItem.BEST_FIRST)
                .toList();
    }

    /**
     * Drops the entries whose score has decayed below {@code minScore} by {@code now}, so that pairs nobody clicks
     * any more stop taking space and stop being recommended.
     */
    public TopItems expire(Instant now, Decay decay, double minScore) {
        List<Entry> kept = entries.stream()
                .filter(entry -> entry.score().valueAt(now, decay) >= minScore)
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
