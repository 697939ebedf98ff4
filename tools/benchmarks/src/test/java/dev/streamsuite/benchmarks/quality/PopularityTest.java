package dev.streamsuite.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.clickstream.domain.Interaction;
import dev.streamsuite.clickstream.domain.InteractionWeights;
import dev.streamsuite.clickstream.domain.ScoredItem;
import dev.streamsuite.clickstream.domain.SessionEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PopularityTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void countsEachClickWithItsInteractionWeight() {
        var popularity = new OfflineEvaluation.Popularity(new InteractionWeights(1, 3, 5));
        popularity.record(new SessionEvent("a", Interaction.VIEW, T0));
        popularity.record(new SessionEvent("a", Interaction.CART, T0.plusSeconds(10)));
        popularity.record(new SessionEvent("b", Interaction.PURCHASE, T0.plusSeconds(20)));
        popularity.record(new SessionEvent("c", Interaction.VIEW, T0.plusSeconds(30)));

        assertThat(popularity.totals()).isEqualTo(Map.of("a", 4.0, "b", 5.0, "c", 1.0));
        assertThat(popularity.top(2)).containsExactly(new ScoredItem("b", 5.0), new ScoredItem("a", 4.0));
    }
}
