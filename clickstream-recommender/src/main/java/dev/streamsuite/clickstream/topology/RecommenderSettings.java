package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.Decay;
import dev.streamsuite.clickstream.domain.InteractionWeights;
import dev.streamsuite.streams.SettingChecks;
import java.time.Duration;

/**
 * Business settings of the clickstream-recommender, bound from {@code recommender.*} in
 * application.yml, the one place their values live. Values are checked here, so a bad one stops
 * the service at start-up with a message naming the key.
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
 * @param publishInterval how often (wall clock) changed related-item rankings and trending lists are published
 * @param flaggedFor an account's clicks stay out of the model this long (event time) after its
 *     latest fraud alert
 * @param forgetUsersAfter a shopper without a click for this long (event time) is forgotten
 * @param sweepInterval how often (stream time) forgotten shoppers, ended sessions and items whose
 *     related items all decayed away are looked for
 * @param sweepBatch entries one look reads at most, per task and store (bounds its transaction)
 * @param catalogCacheItems catalog items kept decoded in memory, the most recently asked about (each about 300
 *     bytes of heap)
 * @param relatedItemsCacheItems related-item rankings kept decoded in memory per task, the most recently updated
 *     (each at most about 2 KB of heap with 30 related items)
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
        Duration publishInterval,
        Duration flaggedFor,
        Duration forgetUsersAfter,
        Duration sweepInterval,
        int sweepBatch,
        int catalogCacheItems,
        int relatedItemsCacheItems) {

    public RecommenderSettings {
        SettingChecks.requireSet("recommender.weights", weights);
        SettingChecks.requirePositive("recommender.session-gap", sessionGap);
        SettingChecks.requireNotNegative("recommender.session-grace", sessionGrace);
        SettingChecks.requirePositive("recommender.half-life", halfLife);
        SettingChecks.requirePositive("recommender.trending-window", trendingWindow);
        SettingChecks.requirePositive("recommender.trending-advance", trendingAdvance);
        SettingChecks.requireNotNegative("recommender.min-emit-interval", minEmitInterval);
        SettingChecks.requirePositive("recommender.publish-interval", publishInterval);
        SettingChecks.requirePositive("recommender.flagged-for", flaggedFor);
        SettingChecks.requirePositive("recommender.forget-users-after", forgetUsersAfter);
        SettingChecks.requirePositive("recommender.sweep-interval", sweepInterval);
        SettingChecks.requireAtLeast("recommender.sweep-batch", sweepBatch, 1);
        SettingChecks.requireAtLeast("recommender.catalog-cache-items", catalogCacheItems, 1);
        SettingChecks.requireAtLeast("recommender.related-items-cache-items", relatedItemsCacheItems, 1);
        SettingChecks.requireWholeMultiple(
                "recommender.trending-window",
                trendingWindow,
                "recommender.trending-advance",
                trendingAdvance,
                "trending counts are kept per advance and a window adds them up");
        SettingChecks.requireAtLeast("recommender.max-items-per-session", maxItemsPerSession, 1);
        SettingChecks.requireAtLeast("recommender.related-items-per-item", relatedItemsPerItem, 1);
        SettingChecks.requireAtLeast("recommender.trending-size", trendingSize, 1);
        SettingChecks.requireAtLeast("recommender.recent-items", recentItems, 1);
        SettingChecks.requireAtLeast("recommender.recommendation-limit", recommendationLimit, 1);
        SettingChecks.requireInRange("recommender.recency-factor", recencyFactor, 0, 1);
        if (!(minRelatedScore >= 0)) {
            throw new IllegalArgumentException("recommender.min-related-score must not be negative");
        }
    }

    Decay decay() {
        return new Decay(halfLife);
    }
}
