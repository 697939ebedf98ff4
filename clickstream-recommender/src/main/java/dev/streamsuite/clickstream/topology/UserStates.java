package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.RecentItems;
import dev.streamsuite.clickstream.state.UserState;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** Reads a user's recent items from this instance's users store (for interactive queries). */
public final class UserStates {

    private UserStates() {}

    /**
     * The user's recent items, or null when the user is unknown.
     *
     * @param partition the user's partition: only its store is asked, so a partition still
     *     restoring fails instead of answering "unknown"
     */
    public static RecentItems recentItems(KafkaStreams streams, String userId, int partition) {
        UserState state = streams.store(StoreQueryParameters.fromNameAndType(
                                RecommenderTopology.USERS_STORE, QueryableStoreTypes.<String, UserState>keyValueStore())
                        .withPartition(partition))
                .get(userId);
        return state == null ? null : RecommenderState.recentItems(state);
    }
}
