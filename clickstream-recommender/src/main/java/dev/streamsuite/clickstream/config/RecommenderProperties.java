package dev.streamsuite.clickstream.config;

import dev.streamsuite.clickstream.model.InteractionWeights;
import dev.streamsuite.clickstream.topology.RecommenderSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recommender.*} in application.yml. Defaults equal {@link RecommenderSettings#DEFAULTS}
 * (a test keeps them equal); a bad value stops the service at start-up naming the key.
 */
@ConfigurationProperties("recommender")
public record RecommenderProperties(
        @DefaultValue Weights weights,
        @DefaultValue("30m") Duration sessionGap,
        @DefaultValue("5m") Duration sessionGrace,
        @DefaultValue("20") int maxItemsPerSession,
        @DefaultValue("30") int relatedItemsPerItem,
        @DefaultValue("7d") Duration halfLife,
        @DefaultValue("0.01") double minRelatedScore,
        @DefaultValue("1h") Duration trendingWindow,
        @DefaultValue("10m") Duration trendingAdvance,
        @DefaultValue("20") int trendingSize,
        @DefaultValue("20") int recentItems,
        @DefaultValue("10") int recommendationLimit,
        @DefaultValue("0.5") double recencyFactor,
        @DefaultValue("10s") Duration minEmitInterval,
        @DefaultValue("1s") Duration publishInterval) {

    public record Weights(
            @DefaultValue("1") double view, @DefaultValue("3") double cart, @DefaultValue("5") double purchase) {}

    public RecommenderSettings toSettings() {
        return new RecommenderSettings(
                new InteractionWeights(weights.view(), weights.cart(), weights.purchase()),
                sessionGap,
                sessionGrace,
                maxItemsPerSession,
                relatedItemsPerItem,
                halfLife,
                minRelatedScore,
                trendingWindow,
                trendingAdvance,
                trendingSize,
                recentItems,
                recommendationLimit,
                recencyFactor,
                minEmitInterval,
                publishInterval);
    }
}
