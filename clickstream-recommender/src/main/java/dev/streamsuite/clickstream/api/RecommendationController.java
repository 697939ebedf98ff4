package dev.streamsuite.clickstream.api;

import dev.streamsuite.clickstream.domain.ScoredItem;
import dev.streamsuite.clickstream.state.SimilarItems;
import dev.streamsuite.clickstream.topology.ModelView;
import dev.streamsuite.clickstream.topology.RecommenderSettings;
import dev.streamsuite.clickstream.topology.RecommenderTopology;
import dev.streamsuite.clickstream.topology.UserStates;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.streams.query.StoreQueries;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recommendations for a user (answered by the instance owning the user, forwarded if needed),
 * similar items and trending items (answered by any instance from its global stores).
 */
@RestController
class RecommendationController {

    private static final int MAX_LIMIT = 100;

    private final StreamsBuilderFactoryBean streams;
    private final StoreQueries queries;
    private final RecommenderSettings settings;
    private final RecommenderTopology topology;

    RecommendationController(
            StreamsBuilderFactoryBean streams,
            StoreQueries queries,
            RecommenderSettings settings,
            RecommenderTopology topology) {
        this.streams = streams;
        this.queries = queries;
        this.settings = settings;
        this.topology = topology;
    }

    /** An unknown user gets trending items, not an error. */
    @GetMapping("/users/{userId}/recommendations")
    ResponseEntity<?> recommendations(
            @PathVariable String userId, @RequestParam(defaultValue = "10") int limit, HttpServletRequest request) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return badLimit();
        }
        return queries.answer(RecommenderTopology.USERS_STORE, userId, request, partition -> {
            var kafkaStreams = streams.getKafkaStreams();
            var recent = UserStates.recentItems(kafkaStreams, userId, partition);
            var ranked = model(kafkaStreams).recommend(recent, limit, settings.recencyFactor());
            return new RecommendationsView(userId, ranked.strategy().name(), ranked.items());
        });
    }

    @GetMapping("/items/{itemId}/similar")
    ResponseEntity<?> similar(@PathVariable String itemId, @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return badLimit();
        }
        return queries.answerLocally(
                () -> new ItemsView(itemId, model(streams.getKafkaStreams()).similarTo(itemId, limit)));
    }

    @GetMapping("/trending")
    ResponseEntity<?> trending(
            @RequestParam(required = false) String category, @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return badLimit();
        }
        String subject = category == null || category.isBlank() ? ModelView.ALL_CATEGORIES : category;
        return queries.answerLocally(
                () -> new ItemsView(subject, model(streams.getKafkaStreams()).trending(subject, limit)));
    }

    private ModelView model(KafkaStreams streams) {
        return topology.model(
                streams.store(StoreQueryParameters.fromNameAndType(
                        RecommenderTopology.SIMILAR_ITEMS_STORE,
                        QueryableStoreTypes.<String, SimilarItems>keyValueStore())),
                streams.store(StoreQueryParameters.fromNameAndType(
                        RecommenderTopology.CATALOG_STORE,
                        QueryableStoreTypes.<String, CatalogItem>timestampedKeyValueStore())));
    }

    private static ResponseEntity<?> badLimit() {
        return StoreQueries.badRequest("limit must be between 1 and " + MAX_LIMIT);
    }

    record RecommendationsView(
            String userId, String strategy, List<dev.streamsuite.clickstream.domain.RecommendedItem> items) {}

    record ItemsView(String subject, List<ScoredItem> items) {}
}
