package dev.streamsuite.benchmarks.quality;

import dev.streamsuite.clickstream.domain.Decay;
import dev.streamsuite.clickstream.domain.Interaction;
import dev.streamsuite.clickstream.domain.InteractionWeights;
import dev.streamsuite.clickstream.domain.PairIncrement;
import dev.streamsuite.clickstream.domain.RecentItems;
import dev.streamsuite.clickstream.domain.Recommendation;
import dev.streamsuite.clickstream.domain.Recommender;
import dev.streamsuite.clickstream.domain.ScoredItem;
import dev.streamsuite.clickstream.domain.SessionEvent;
import dev.streamsuite.clickstream.domain.SessionPairs;
import dev.streamsuite.clickstream.domain.SessionState;
import dev.streamsuite.clickstream.domain.TopItems;
import dev.streamsuite.clickstream.domain.TopScores;
import dev.streamsuite.clickstream.domain.TrendingList;
import dev.streamsuite.clickstream.topology.RecommenderSettings;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures recommendation quality offline: hit rate at 10 of the model against a popularity baseline, on a
 * {@link SyntheticShop}.
 *
 * <p>The clicks are replayed in event-time order through the same classes the topology uses, with the settings of the
 * service's application.yml: {@link SessionPairs} into a {@link TopItems} per item, {@link RecentItems} per shopper,
 * and weighted popularity over everything. The
 * first half of the span only trains. After that, each view of an item the shopper has not recently interacted with
 * or bought is first predicted and then learnt from (prequential evaluation): a hit is the viewed item being among
 * the 10 items recommended just before it. Views of recent items are not asked about: by design neither ranking
 * recommends them, since the shop shows them as "recently viewed".
 *
 * <p>The baseline is the 10 most interacted items overall (weighted like the model), excluding the shopper's
 * purchases and, like the model, their recent items: excluding less would only waste the baseline's slots on items
 * that are never asked about. The model's cold-start fill is that same list, so any difference comes from
 * personalization.
 */
public final class OfflineEvaluation {

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

    private final RecommenderSettings settings;
    private final SessionPairs sessionPairs;
    private final Decay decay;
    private final Recommender recommender;
    private final Map<String, TopItems> related = new HashMap<>();
    private final Map<String, SessionState> sessions = new HashMap<>();
    private final Map<String, RecentItems> shoppers = new HashMap<>();
    private final Popularity popularity;

    private OfflineEvaluation(RecommenderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sessionPairs = new SessionPairs(settings.weights(), settings.maxItemsPerSession());
        this.decay = Decay.withHalfLife(settings.halfLife());
        // Always {@value #HIT_RATE_AT} items, whatever the service publishes: that is the metric.
        this.recommender = new Recommender(HIT_RATE_AT, settings.recencyFactor());
        this.popularity = new Popularity(settings.weights());
    }

    /** The settings of clickstream-recommender's application.yml. */
    public static RecommenderSettings serviceSettings() {
        return ServiceSettings.shipped("recommender", RecommenderSettings.class);
    }

    public static Result evaluate(long seed, SyntheticShop.Shape shape) {
        return evaluate(seed, shape, serviceSettings());
    }

    /** With other settings, e.g. to compare recency factors. */
    public static Result evaluate(long seed, SyntheticShop.Shape shape, RecommenderSettings settings) {
        return new OfflineEvaluation(settings).run(seed, SyntheticShop.generate(seed, shape));
    }

    /** Arguments, all optional: seed, categories, items per category, users, sessions per user. */
    public static void main(String[] arguments) {
        // Maven passes an empty argument when none is given.
        String[] args = Arrays.stream(arguments).filter(arg -> !arg.isBlank()).toArray(String[]::new);
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
            RecentItems shopper = shoppers.getOrDefault(
                    click.userId(), RecentItems.empty(settings.recentItems(), RecentItems.DEFAULT_PURCHASE_CAPACITY));
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
        return items == null ? List.of() : items.ranked(now, decay);
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
        SessionState session =
                sessions.getOrDefault(click.sessionId(), SessionState.empty(settings.maxItemsPerSession() + 1));
        for (PairIncrement increment : sessionPairs.increments(session, event)) {
            TopItems items = related.getOrDefault(increment.from(), TopItems.empty(settings.relatedItemsPerItem()));
            related.put(increment.from(), items.add(increment.to(), increment.weight(), event.eventTime(), decay));
        }
        sessions.put(click.sessionId(), session.with(event));
        shoppers.put(click.userId(), shopper.with(event));
        popularity.record(event);
    }

    /** Weighted interaction counts per item; mutable: copying the map on every click would make it quadratic. */
    static final class Popularity {

        private final InteractionWeights weights;
        private final Map<String, Double> totals = new HashMap<>();

        Popularity(InteractionWeights weights) {
            this.weights = Objects.requireNonNull(weights, "weights");
        }

        void record(SessionEvent event) {
            totals.merge(event.itemId(), weights.weightOf(event.interaction()), Double::sum);
        }

        Map<String, Double> totals() {
            return Map.copyOf(totals);
        }

        List<ScoredItem> top(int n) {
            return TopScores.top(totals, n);
        }
    }
}
