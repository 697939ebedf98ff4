package dev.streamsuite.clickstream.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures recommendation quality offline: hit rate at 10 of the model against a popularity baseline, on a
 * {@link SyntheticShop}.
 *
 * <p>The clicks are replayed in event-time order through the same classes the topology uses: {@link SessionPairs}
 * into a {@link TopItems} per item, {@link RecentItems} per shopper, a {@link TrendingCounter} over everything. The
 * first half of the span only trains. After that, each view of an item the shopper has not recently interacted with
 * or bought is first predicted and then learnt from (prequential evaluation): a hit is the viewed item being among
 * the 10 items recommended just before it. Views of recent items are not asked about: by design neither ranking
 * recommends them, since the shop shows them as "recently viewed".
 *
 * <p>The baseline is the 10 most interacted items overall (weighted like the model), excluding the shopper's
 * purchases and, like the model, their recent items: excluding less would only waste the baseline's slots on items
 * that are never asked about. The model's cold-start fill is that same list, so any difference comes from
 * personalization. The model runs with its defaults, a half-life of 7 days and 30 related items per item.
 */
public final class OfflineEvaluation {

    public static final Decay DECAY = Decay.withHalfLife(Duration.ofDays(7));
    public static final int RELATED_CAPACITY = 30;
    public static final int HIT_RATE_AT = 10;

    private static final double WARM_UP_FRACTION = 0.5;

    /** The outcome of one run. */
    public record Result(
            long seed, SyntheticShop.Shape shape, int clicks, int evaluated, int modelHits, int baselineHits) {

        public double modelHitRate() {
            return evaluated == 0 ? 0.0 : (double) modelHits / evaluated;
        }

        public double baselineHitRate() {
            return evaluated == 0 ? 0.0 : (double) baselineHits / evaluated;
        }

        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "seed=%d categories=%d itemsPerCategory=%d users=%d sessionsPerUser=%d popularItems=%d span=%s"
                            + " clicks=%d evaluated=%d hitRate@%d model=%.4f (%d) baseline=%.4f (%d)",
                    seed,
                    shape.categories(),
                    shape.itemsPerCategory(),
                    shape.users(),
                    shape.sessionsPerUser(),
                    shape.popularItems(),
                    shape.span(),
                    clicks,
                    evaluated,
                    HIT_RATE_AT,
                    modelHitRate(),
                    modelHits,
                    baselineHitRate(),
                    baselineHits);
        }
    }

    private final InteractionWeights weights = InteractionWeights.defaults();
    private final SessionPairs sessionPairs = SessionPairs.defaults();
    private final Recommender recommender;
    private final Map<String, TopItems> related = new HashMap<>();
    private final Map<String, SessionState> sessions = new HashMap<>();
    private final Map<String, RecentItems> shoppers = new HashMap<>();
    private final TrendingCounter popularity = new TrendingCounter(weights);

    private OfflineEvaluation(Recommender recommender) {
        this.recommender = recommender;
    }

    public static Result evaluate(long seed) {
        return evaluate(seed, SyntheticShop.Shape.defaults());
    }

    public static Result evaluate(long seed, SyntheticShop.Shape shape) {
        return evaluate(seed, shape, Recommender.DEFAULT_RECENCY_FACTOR);
    }

    /** For comparing blending settings; the recommender always returns {@value #HIT_RATE_AT} items. */
    public static Result evaluate(long seed, SyntheticShop.Shape shape, double recencyFactor) {
        return new OfflineEvaluation(new Recommender(HIT_RATE_AT, recencyFactor))
                .run(seed, SyntheticShop.generate(seed, shape));
    }

    /** Arguments, all optional: seed, categories, items per category, users, sessions per user. */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
        SyntheticShop.Shape defaults = SyntheticShop.Shape.defaults();
        SyntheticShop.Shape shape = new SyntheticShop.Shape(
                args.length > 1 ? Integer.parseInt(args[1]) : defaults.categories(),
                args.length > 2 ? Integer.parseInt(args[2]) : defaults.itemsPerCategory(),
                args.length > 3 ? Integer.parseInt(args[3]) : defaults.users(),
                args.length > 4 ? Integer.parseInt(args[4]) : defaults.sessionsPerUser(),
                defaults.popularItems(),
                defaults.span());
        System.out.println(evaluate(seed, shape).summary());
    }

    private Result run(long seed, SyntheticShop shop) {
        Instant evaluateFrom = SyntheticShop.START.plus(
                Duration.ofSeconds((long) (shop.shape().span().getSeconds() * WARM_UP_FRACTION)));
        List<SyntheticShop.Click> clicks = shop.clicks();
        int evaluated = 0;
        int modelHits = 0;
        int baselineHits = 0;
        for (SyntheticShop.Click click : clicks) {
            SessionEvent event = click.event();
            RecentItems shopper = shoppers.getOrDefault(click.userId(), RecentItems.empty());
            Set<String> seen = seenBy(shopper);
            // Asked before learning from the click: the model must predict it, not remember it.
            if (!event.eventTime().isBefore(evaluateFrom)
                    && event.interaction() == Interaction.VIEW
                    && !seen.contains(event.itemId())) {
                evaluated++;
                // Enough that excluding everything the shopper has seen still leaves a full list.
                List<ScoredItem> popular = popularity.top(HIT_RATE_AT + seen.size());
                if (recommend(shopper, popular, event.eventTime()).itemIds().contains(event.itemId())) {
                    modelHits++;
                }
                if (baseline(seen, popular).contains(event.itemId())) {
                    baselineHits++;
                }
            }
            learn(click, shopper);
        }
        return new Result(seed, shop.shape(), clicks.size(), evaluated, modelHits, baselineHits);
    }

    private static Set<String> seenBy(RecentItems shopper) {
        Set<String> seen = new HashSet<>(shopper.itemIds());
        seen.addAll(shopper.purchased());
        return seen;
    }

    private Recommendation recommend(RecentItems shopper, List<ScoredItem> popular, Instant now) {
        return recommender.recommend(
                shopper, itemId -> relatedOf(itemId, now), itemId -> true, List.of(TrendingList.global(popular)));
    }

    private List<ScoredItem> relatedOf(String itemId, Instant now) {
        TopItems items = related.get(itemId);
        return items == null ? List.of() : items.ranked(now, DECAY);
    }

    private static Set<String> baseline(Set<String> seen, List<ScoredItem> popular) {
        Set<String> picked = new HashSet<>();
        for (ScoredItem item : popular) {
            if (picked.size() == HIT_RATE_AT) {
                break;
            }
            if (!seen.contains(item.itemId())) {
                picked.add(item.itemId());
            }
        }
        return picked;
    }

    private void learn(SyntheticShop.Click click, RecentItems shopper) {
        SessionEvent event = click.event();
        SessionState session = sessions.getOrDefault(
                click.sessionId(), SessionState.empty(SessionPairs.DEFAULT_MAX_ITEMS_PER_SESSION + 1));
        for (PairIncrement increment : sessionPairs.increments(session, event)) {
            TopItems items = related.getOrDefault(increment.from(), TopItems.empty(RELATED_CAPACITY));
            related.put(increment.from(), items.add(increment.to(), increment.weight(), event.eventTime(), DECAY));
        }
        sessions.put(click.sessionId(), session.with(event));
        shoppers.put(click.userId(), shopper.with(event));
        popularity.record(event);
    }
}
