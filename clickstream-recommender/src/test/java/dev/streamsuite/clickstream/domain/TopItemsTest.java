package dev.streamsuite.clickstream.domain;

import static dev.streamsuite.clickstream.domain.Clicks.HOURLY;
import static dev.streamsuite.clickstream.domain.Clicks.T0;
import static dev.streamsuite.clickstream.domain.Clicks.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopItemsTest {

    @Test
    void accumulatesTheWeightOfARepeatedItem() {
        TopItems items = TopItems.empty(5).add("x", 1.0, T0, HOURLY).add("x", 2.0, T0, HOURLY);

        assertThat(items.ranked(T0, HOURLY)).containsExactly(new ScoredItem("x", 3.0));
    }

    @Test
    void ranksBestFirstDecayedToNow() {
        TopItems items = TopItems.empty(5).add("x", 2.0, T0, HOURLY).add("y", 8.0, T0, HOURLY);

        assertThat(items.ranked(at(3600), HOURLY)).containsExactly(new ScoredItem("y", 4.0), new ScoredItem("x", 1.0));
    }

    @Test
    void keepsOnlyTheBestCapacityItems() {
        TopItems items = TopItems.empty(2)
                .add("a", 1.0, T0, HOURLY)
                .add("b", 3.0, T0, HOURLY)
                .add("c", 2.0, T0, HOURLY);

        assertThat(items.entries()).extracting(TopItems.Entry::itemId).containsExactly("b", "c");
    }

    @Test
    void dropsANewItemThatDoesNotMakeTheCut() {
        TopItems full = TopItems.empty(2).add("b", 3.0, T0, HOURLY).add("c", 2.0, T0, HOURLY);

        assertThat(full.add("d", 1.0, T0, HOURLY)).isEqualTo(full);
    }

    @Test
    void truncatesByDecayedValueNotByStoredValue() {
        // At the second add, x has decayed from 4 to 2 and y is worth 3.
        TopItems items = TopItems.empty(1).add("x", 4.0, T0, HOURLY).add("y", 3.0, at(3600), HOURLY);

        assertThat(items.ranked(at(3600), HOURLY)).containsExactly(new ScoredItem("y", 3.0));
    }

    @Test
    void keepsTheSmallerItemIdOnEqualScoresWhateverTheOrderOfAdds() {
        TopItems abc = TopItems.empty(2)
                .add("a", 1.0, T0, HOURLY)
                .add("b", 1.0, T0, HOURLY)
                .add("c", 1.0, T0, HOURLY);
        TopItems cba = TopItems.empty(2)
                .add("c", 1.0, T0, HOURLY)
                .add("b", 1.0, T0, HOURLY)
                .add("a", 1.0, T0, HOURLY);

        assertThat(abc).isEqualTo(cba);
        assertThat(abc.ranked(T0, HOURLY)).extracting(ScoredItem::itemId).containsExactly("a", "b");
    }

    @Test
    void addsAnOutOfOrderWeightAsIfItHadArrivedInOrder() {
        TopItems items = TopItems.empty(5).add("x", 2.0, at(3600), HOURLY).add("x", 2.0, T0, HOURLY);

        assertThat(items.scoreOf("x")).contains(new DecayedScore(3.0, at(3600)));
    }

    @Test
    void expiresEntriesThatDecayedBelowTheMinimum() {
        TopItems items = TopItems.empty(5)
                .add("kept", 4.0, T0, HOURLY)
                .add("boundary", 2.0, T0, HOURLY)
                .add("faded", 1.0, T0, HOURLY);

        TopItems expired = items.expire(at(3600), HOURLY, 1.0);

        assertThat(expired.entries()).extracting(TopItems.Entry::itemId).containsExactly("kept", "boundary");
        assertThat(expired.capacity()).isEqualTo(5);
    }

    @Test
    void expiresEverythingOnceNothingIsClickedForLong() {
        TopItems items = TopItems.empty(5).add("x", 100.0, T0, HOURLY);

        assertThat(items.expire(at(24 * 3600), HOURLY, 0.01).isEmpty()).isTrue();
    }

    @Test
    void survivesARoundTripThroughItsEntries() {
        TopItems items = TopItems.empty(3).add("x", 1.0, T0, HOURLY).add("y", 2.0, at(60), HOURLY);

        TopItems restored = new TopItems(items.capacity(), items.entries());

        assertThat(restored).isEqualTo(items);
        assertThat(restored.add("z", 5.0, at(120), HOURLY)).isEqualTo(items.add("z", 5.0, at(120), HOURLY));
    }

    @Test
    void rejectsStoredEntriesThatBreakItsInvariants() {
        TopItems.Entry x = new TopItems.Entry("x", new DecayedScore(1.0, T0));
        TopItems.Entry y = new TopItems.Entry("y", new DecayedScore(1.0, T0));

        assertThatThrownBy(() -> new TopItems(5, List.of(x, x)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> new TopItems(1, List.of(x, y)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 1");
        assertThatThrownBy(() -> TopItems.empty(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
