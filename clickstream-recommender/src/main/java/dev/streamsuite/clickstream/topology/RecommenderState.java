package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.Interaction;
import dev.streamsuite.clickstream.domain.ItemInteraction;
import dev.streamsuite.clickstream.domain.PairIncrement;
import dev.streamsuite.clickstream.domain.RecentItems;
import dev.streamsuite.clickstream.domain.SessionState;
import dev.streamsuite.clickstream.domain.TopItems;
import dev.streamsuite.clickstream.state.DecayedScoreState;
import dev.streamsuite.clickstream.state.InteractionState;
import dev.streamsuite.clickstream.state.ItemInteractionState;
import dev.streamsuite.clickstream.state.PairIncrementState;
import dev.streamsuite.clickstream.state.RelatedIncrementState;
import dev.streamsuite.clickstream.state.SessionWindowState;
import dev.streamsuite.clickstream.state.TopItemsState;
import dev.streamsuite.clickstream.state.TrendingCountsState;
import dev.streamsuite.clickstream.state.UserState;
import dev.streamsuite.streams.InternalFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * The recommender's state and repartition records in the internal format: each domain type is
 * stored as its Avro record ({@code src/main/avro}), mapped here in both directions.
 */
final class RecommenderState {

    private RecommenderState() {}

    /** A shopper's open session; the record's {@code pending} (the increments of the DSL's session windows) stays empty. */
    static Serde<SessionState> sessions() {
        return InternalFormat.serde(SessionWindowState.class, RecommenderState::toRecord, RecommenderState::fromRecord);
    }

    /** A click's increments for one item (all with the same {@code from}, at least one), as one record. */
    static Serde<List<PairIncrement>> itemIncrements() {
        return InternalFormat.serde(
                PairIncrementState.class, RecommenderState::toRecord, RecommenderState::incrementsOf);
    }

    static Serde<TopItems> topItems() {
        return InternalFormat.serde(TopItemsState.class, RecommenderState::toRecord, RecommenderState::fromRecord);
    }

    static Serde<TrendingCounts> trendingCounts() {
        return InternalFormat.serde(
                TrendingCountsState.class,
                counts -> new TrendingCountsState(counts.weights()),
                state -> new TrendingCounts(state.getWeights()));
    }

    static Serde<UserState> users() {
        return InternalFormat.serde(UserState.class);
    }

    /** A shopper's recent items as the domain sees them. */
    static RecentItems recentItems(UserState user) {
        return new RecentItems(
                user.getCapacity(),
                user.getPurchaseCapacity(),
                user.getItems().stream().map(RecommenderState::fromRecord).toList(),
                user.getPurchases());
    }

    static UserState user(RecentItems recent, Instant lastPublished) {
        return new UserState(
                recent.capacity(),
                recent.purchaseCapacity(),
                recent.items().stream().map(RecommenderState::toRecord).toList(),
                recent.purchases(),
                lastPublished == null ? null : lastPublished.toEpochMilli());
    }

    /** When the user's last recommendation was published; null if none was. */
    static Instant lastPublished(UserState user) {
        return user.getLastPublished() == null ? null : Instant.ofEpochMilli(user.getLastPublished());
    }

    private static SessionWindowState toRecord(SessionState session) {
        return new SessionWindowState(
                session.capacity(),
                session.items().stream().map(RecommenderState::toRecord).toList(),
                List.of());
    }

    private static SessionState fromRecord(SessionWindowState state) {
        return new SessionState(
                state.getCapacity(),
                state.getItems().stream().map(RecommenderState::fromRecord).toList());
    }

    private static PairIncrementState toRecord(List<PairIncrement> increments) {
        var first = increments.get(0);
        return new PairIncrementState(
                first.from(),
                first.to(),
                first.weight(),
                increments.subList(1, increments.size()).stream()
                        .map(pair -> {
                            if (!pair.from().equals(first.from())) {
                                throw new IllegalArgumentException(
                                        "increments of one record share their item: " + first + ", " + pair);
                            }
                            return new RelatedIncrementState(pair.to(), pair.weight());
                        })
                        .toList());
    }

    private static PairIncrement fromRecord(PairIncrementState pair) {
        return new PairIncrement(pair.getFrom(), pair.getTo(), pair.getWeight());
    }

    /** The record's increments in order; a v1 record (one increment, no {@code more}) reads as one. */
    private static List<PairIncrement> incrementsOf(PairIncrementState record) {
        var increments = new ArrayList<PairIncrement>(1 + record.getMore().size());
        increments.add(fromRecord(record));
        for (var more : record.getMore()) {
            increments.add(new PairIncrement(record.getFrom(), more.getTo(), more.getWeight()));
        }
        return increments;
    }

    private static TopItemsState toRecord(TopItems items) {
        return new TopItemsState(
                items.capacity(),
                items.entries().stream()
                        .map(entry -> new DecayedScoreState(entry.itemId(), entry.value(), entry.asOfMillis()))
                        .toList());
    }

    private static TopItems fromRecord(TopItemsState state) {
        List<TopItems.Entry> entries = state.getEntries().stream()
                .map(entry -> new TopItems.Entry(entry.getItemId(), entry.getValue(), entry.getAsOf()))
                .toList();
        return new TopItems(state.getCapacity(), entries);
    }

    private static ItemInteractionState toRecord(ItemInteraction item) {
        return new ItemInteractionState(
                item.itemId(), toRecord(item.strongest()), item.lastAt().toEpochMilli());
    }

    private static ItemInteraction fromRecord(ItemInteractionState item) {
        return new ItemInteraction(
                item.getItemId(), fromRecord(item.getStrongest()), Instant.ofEpochMilli(item.getLastAt()));
    }

    private static InteractionState toRecord(Interaction interaction) {
        return switch (interaction) {
            case VIEW -> InteractionState.VIEW;
            case CART -> InteractionState.CART;
            case PURCHASE -> InteractionState.PURCHASE;
        };
    }

    private static Interaction fromRecord(InteractionState interaction) {
        return switch (interaction) {
            case VIEW -> Interaction.VIEW;
            case CART -> Interaction.CART;
            case PURCHASE -> Interaction.PURCHASE;
        };
    }
}
