package dev.streamsuite.clickstream.domain;

import static dev.streamsuite.clickstream.domain.Clicks.cart;
import static dev.streamsuite.clickstream.domain.Clicks.purchase;
import static dev.streamsuite.clickstream.domain.Clicks.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendingCounterTest {

    @Test
    void countsEachClickWithItsInteractionWeight() {
        TrendingCounter counter = new TrendingCounter(InteractionWeights.defaults());
        counter.record(view("a", 0));
        counter.record(cart("a", 10));
        counter.record(purchase("b", 20));
        counter.record(view("c", 30));

        assertThat(counter.totals()).isEqualTo(Map.of("a", 4.0, "b", 5.0, "c", 1.0));
        assertThat(counter.top(2)).containsExactly(new ScoredItem("b", 5.0), new ScoredItem("a", 4.0));
    }

    @Test
    void ranksEqualTotalsByItemId() {
        assertThat(TrendingCounter.top(Map.of("c", 1.0, "a", 1.0, "b", 1.0, "d", 2.0), 3))
                .extracting(ScoredItem::itemId)
                .containsExactly("d", "a", "b");
    }

    @Test
    void returnsAllItemsWhenThereAreFewerThanAsked() {
        assertThat(TrendingCounter.top(Map.of("a", 1.0), 5)).containsExactly(new ScoredItem("a", 1.0));
        assertThat(TrendingCounter.top(Map.of("a", 1.0), 0)).isEmpty();
    }

    @Test
    void agreesWithSortingEverything() {
        Random random = new Random(11);
        Map<String, Double> totals = new HashMap<>();
        for (int item = 0; item < 1000; item++) {
            // Few distinct values, so that many ties have to be broken.
            totals.put("item-" + item, (double) random.nextInt(50));
        }
        List<ScoredItem> sorted = totals.entrySet().stream()
                .map(entry -> new ScoredItem(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingDouble(ScoredItem::score).reversed().thenComparing(ScoredItem::itemId))
                .toList();

        assertThat(TrendingCounter.top(totals, 25)).isEqualTo(sorted.subList(0, 25));
    }

    @Test
    void rejectsANegativeCount() {
        assertThatThrownBy(() -> TrendingCounter.top(Map.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
