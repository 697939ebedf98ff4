package dev.streamsuite.clickstream.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopScoresTest {

    @Test
    void ranksEqualTotalsByItemId() {
        assertThat(TopScores.top(Map.of("c", 1.0, "a", 1.0, "b", 1.0, "d", 2.0), 3))
                .extracting(ScoredItem::itemId)
                .containsExactly("d", "a", "b");
    }

    @Test
    void returnsAllItemsWhenThereAreFewerThanAsked() {
        assertThat(TopScores.top(Map.of("a", 1.0), 5)).containsExactly(new ScoredItem("a", 1.0));
        assertThat(TopScores.top(Map.of("a", 1.0), 0)).isEmpty();
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

        assertThat(TopScores.top(totals, 25)).isEqualTo(sorted.subList(0, 25));
    }

    @Test
    void rejectsANegativeCount() {
        assertThatThrownBy(() -> TopScores.top(Map.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
