package dev.streamsuite.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.clickstream.domain.ScoredItem;
import dev.streamsuite.clickstream.state.ScoredItemState;
import dev.streamsuite.clickstream.state.TrendingSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendingBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final TrendingBoard board = new TrendingBoard(Duration.ofHours(1));

    @Test
    void aCategoryIsRankedFromItsPartitionsLatestWindows() {
        board.changed("garden|0", snapshot("garden", T0, "spade", 2.0, "rake", 1.0));
        board.changed("garden|1", snapshot("garden", T0.minus(Duration.ofMinutes(50)), "rake", 3.0));
        board.changed("garden|2", snapshot("garden", T0.minus(Duration.ofMinutes(60)), "hose", 9.0));
        board.changed("*|0", snapshot("*", T0, "cup", 1.0));

        assertThat(board.ranked("garden")).containsExactly(new ScoredItem("rake", 4.0), new ScoredItem("spade", 2.0));
    }

    @Test
    void aRankingFollowsEveryChangeOfItsCategory() {
        board.changed("garden|0", snapshot("garden", T0, "spade", 2.0));
        assertThat(board.ranked("garden")).extracting(ScoredItem::itemId).containsExactly("spade");

        board.changed("garden|0", snapshot("garden", T0, "spade", 2.0, "rake", 5.0));
        assertThat(board.ranked("garden")).extracting(ScoredItem::itemId).containsExactly("rake", "spade");

        board.changed("garden|0", null);
        assertThat(board.ranked("garden")).isEmpty();
    }

    @Test
    void aCategoryAskedAboutBeforeItsFirstListStillGetsIt() {
        assertThat(board.ranked("garden")).isEmpty();

        board.changed("garden|3", snapshot("garden", T0, "hose", 1.0));

        assertThat(board.ranked("garden")).extracting(ScoredItem::itemId).containsExactly("hose");
    }

    @Test
    void anotherCategorysChangeLeavesARankingAlone() {
        board.changed("garden|0", snapshot("garden", T0, "spade", 2.0));
        var before = board.ranked("garden");

        board.changed("kitchen|0", snapshot("kitchen", T0, "pan", 7.0));

        assertThat(board.ranked("garden")).isSameAs(before);
        assertThat(board.ranked("kitchen")).extracting(ScoredItem::itemId).containsExactly("pan");
    }

    private static TrendingSnapshot snapshot(String category, Instant windowStart, Object... itemsAndScores) {
        var items = new java.util.ArrayList<ScoredItemState>();
        for (int i = 0; i < itemsAndScores.length; i += 2) {
            items.add(new ScoredItemState((String) itemsAndScores[i], (Double) itemsAndScores[i + 1]));
        }
        return new TrendingSnapshot(category, windowStart.toEpochMilli(), List.copyOf(items));
    }
}
