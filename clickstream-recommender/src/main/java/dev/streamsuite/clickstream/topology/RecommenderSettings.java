package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.model.Decay;
import dev.streamsuite.clickstream.model.InteractionWeights;
import java.time.Duration;
import java.util.Objects;

/**
 * Business settings of the clickstream-recommender.
 *
 * @param sessionGap a session ends after this much inactivity (event time)
 * @param sessionGrace how late a click may arrive and still join its session
 * @param maxItemsPerSession items of a session paired with a new click at most (bounded cost)
 * @param relatedItemsPerItem related items kept per item (top-N)
 * @param halfLife co-occurrence and trending scores halve over this much event time
 * @param minRelatedScore related items whose decayed score falls below this are dropped
 * @param trendingWindow size of the trending hopping windows
 * @param trendingAdvance advance of the trending hopping windows
 * @param trendingSize items kept per trending list
 * @param recentItems items remembered per user
 * @param recommendationLimit items per recommendation
 * @param recencyFactor weight of the n-th most recent item of a user is recencyFactor^n
 * @param minEmitInterval a user's recommendations are published at most this often (event time)
 * @param publishInterval how often (wall clock) changed related-item rankings are published
 */
public record RecommenderSettings(
        InteractionWeights weights,
        Duration sessionGap,
        Duration sessionGrace,
        int maxItemsPerSession,
        int relatedItemsPerItem,
        Duration halfLife,
        double minRelatedScore,
        Duration trendingWindow,
        Duration trendingAdvance,
        int trendingSize,
        int recentItems,
        int recommendationLimit,
        double recencyFactor,
        Duration minEmitInterval,
        Duration publishInterval) {

    public static final RecommenderSettings DEFAULTS = new RecommenderSettings(
            InteractionWeights.defaults(),
            Duration.ofMinutes(30),
            Duration.ofMinutes(5),
            20,
            30,
            Duration.ofDays(7),
            0.01,
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            20,
            20,
            10,
            0.5,
            Duration.ofSeconds(10),
            Duration.ofSeconds(1));

    public RecommenderSettings {
        Objects.requireNonNull(weights, "weights");
        positive("recommender.session-gap", sessionGap);
        notNegative("recommender.session-grace", sessionGrace);
        positive("recommender.half-life", halfLife);
        positive("recommender.trending-window", trendingWindow);
        positive("recommender.trending-advance", trendingAdvance);
        notNegative("recommender.min-emit-interval", minEmitInterval);
        positive("recommender.publish-interval", publishInterval);
        if (trendingAdvance.compareTo(trendingWindow) > 0) {
            throw new IllegalArgumentException("recommender.trending-advance (" + trendingAdvance
                    + ") must not exceed recommender.trending-window (" + trendingWindow + ")");
        }
        atLeastOne("recommender.max-items-per-session", maxItemsPerSession);
        atLeastOne("recommender.related-items-per-item", relatedItemsPerItem);
        atLeastOne("recommender.trending-size", trendingSize);
        atLeastOne("recommender.recent-items", recentItems);
        atLeastOne("recommender.recommendation-limit", recommendationLimit);
        if (!(recencyFactor > 0 && recencyFactor <= 1)) {
            throw new IllegalArgumentException("recommender.recency-factor must be in (0, 1], was " + recencyFactor);
        }
        if (!(minRelatedScore >= 0)) {
            throw new IllegalArgumentException("recommender.min-related-score must not be negative");
        }
    }

    Decay decay() {
        return new Decay(halfLife);
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + value);
        }
    }

    private static void notNegative(String key, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(key + " must be zero or a positive duration, was " + value);
        }
    }

    private static void atLeastOne(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, was " + value);
        }
    }
}
