package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.RecentItems;
import dev.streamsuite.clickstream.state.SimilarItems;
import dev.streamsuite.clickstream.state.UserState;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.Recommendation;
import dev.streamsuite.schemas.clickstream.RecommendedItem;
import dev.streamsuite.streams.StoreSweep;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * Remembers each user's recent items and purchases and, on their activity, publishes fresh
 * recommendations, at most once per {@code minEmitInterval} of event time per user. Shoppers
 * without a click for {@code forgetUsersAfter} are forgotten, a batch at a time.
 */
final class RecommendationPublisher implements FixedKeyProcessor<String, Click, Recommendation> {

    private final RecommenderSettings settings;
    private final ModelView.Factory models;
    private FixedKeyProcessorContext<String, Recommendation> context;
    private KeyValueStore<String, UserState> users;
    private ModelView model;

    RecommendationPublisher(RecommenderSettings settings, ModelView.Factory models) {
        this.settings = settings;
        this.models = models;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Recommendation> context) {
        this.context = context;
        this.users = context.getStateStore(RecommenderTopology.USERS_STORE);
        var sweep = new StoreSweep<UserState>(users, settings.sweepBatch());
        context.schedule(settings.sweepInterval(), PunctuationType.STREAM_TIME, streamTime -> {
            Instant cutoff = Instant.ofEpochMilli(streamTime).minus(settings.forgetUsersAfter());
            sweep.sweep((userId, user) ->
                    user.getItems().isEmpty() || user.getItems().get(0).getLastAt() < cutoff.toEpochMilli());
        });
        ReadOnlyKeyValueStore<String, SimilarItems> similar =
                context.getStateStore(RecommenderTopology.SIMILAR_ITEMS_STORE);
        TimestampedKeyValueStore<String, CatalogItem> catalog =
                context.getStateStore(RecommenderTopology.CATALOG_STORE);
        this.model = models.over(similar, catalog);
    }

    @Override
    public void process(FixedKeyRecord<String, Click> record) {
        Click click = record.value();
        UserState user = users.get(click.userId());
        RecentItems recent = (user == null
                        ? RecentItems.empty(settings.recentItems(), RecentItems.DEFAULT_PURCHASE_CAPACITY)
                        : RecommenderState.recentItems(user))
                .with(click.event());
        Instant at = click.event().eventTime();
        Instant lastPublished = user == null ? null : RecommenderState.lastPublished(user);
        boolean due = lastPublished == null || !at.isBefore(lastPublished.plus(settings.minEmitInterval()));
        users.put(click.userId(), RecommenderState.user(recent, due ? at : lastPublished));
        if (!due) {
            return;
        }
        var ranked = model.recommend(recent, settings.recommendationLimit(), settings.recencyFactor());
        context.forward(record.withValue(Recommendation.newBuilder()
                .setRecommendationId(click.userId() + "|" + click.eventId())
                .setUserId(click.userId())
                .setStrategy(ranked.strategy())
                .setItems(ranked.items().stream()
                        .map(item -> new RecommendedItem(item.itemId(), item.score(), item.reason()))
                        .toList())
                .setEventTime(at)
                .build()));
    }
}
