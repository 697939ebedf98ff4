package dev.streamsuite.clickstream.domain;

import static dev.streamsuite.clickstream.domain.Clicks.HOURLY;
import static dev.streamsuite.clickstream.domain.Clicks.T0;
import static dev.streamsuite.clickstream.domain.Clicks.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    @Test
    void findsAnItemTwiceAnywhereInAShortOrALongList() {
        for (int size : List.of(3, 30, 33, 200)) {
            var entries = new ArrayList<TopItems.Entry>();
            for (int i = 0; i < size - 1; i++) {
                entries.add(new TopItems.Entry("i" + i, new DecayedScore(1.0, T0)));
            }
            assertThat(new TopItems(size, entries).entries()).hasSize(size - 1);

            entries.add(new TopItems.Entry("i" + (size / 2), new DecayedScore(2.0, T0)));

            assertThatThrownBy(() -> new TopItems(size, entries))
                    .as("%d entries", size)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("item i" + (size / 2) + " appears more than once");
        }
    }

    @Test
    void addsAClicksWeightsInOneGoAsOneAtATimeEachFollowedByExpiryWhileThereIsRoom() {
        var random = new Random(13);
        for (int trial = 0; trial < 500; trial++) {
            TopItems before = TopItems.empty(50);
            for (int i = 0; i < 12; i++) {
                before =
                        before.add("i" + random.nextInt(15), 0.5 + random.nextInt(8), at(random.nextInt(7200)), HOURLY);
            }
            // Some clicks arrive out of order. Nothing decays below the minimum here: one at a time, an entry below it
            // would be dropped by one weight's expiry before another weight for it arrived.
            var at = at(3600 + random.nextInt(7200));
            double minScore = 0.01;
            Map<String, Double> weights = new LinkedHashMap<>();
            for (int i = 1 + random.nextInt(5); i > 0; i--) {
                weights.put("i" + random.nextInt(20), (double) (1 + random.nextInt(4)));
            }
            TopItems oneAtATime = before;
            for (var weight : weights.entrySet()) {
                oneAtATime = oneAtATime
                        .add(weight.getKey(), weight.getValue(), at, HOURLY)
                        .expire(at, HOURLY, minScore);
            }

            TopItems inOneGo = before.addAll(weights, at, HOURLY, minScore);

            assertThat(inOneGo)
                    .as("trial %d: %s plus %s at %s", trial, before, weights, at)
                    .isEqualTo(oneAtATime);
        }
    }

    @Test
    void anEntryKeepsItsScoreWhateverTheOrderOfTheClicksWeights() {
        TopItems items = TopItems.empty(2).add("a", 3.0, T0, HOURLY).add("b", 4.0, T0, HOURLY);
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("c", 3.5);
        weights.put("a", 1.0);

        TopItems added = items.addAll(weights, T0, HOURLY, 0.01);

        // One at a time, "c" would push "a" out, and "a" would come back with 1.0 alone and stay out.
        assertThat(added.entries()).extracting(TopItems.Entry::itemId).containsExactly("a", "b");
        assertThat(added.scoreOf("a").orElseThrow().value()).isEqualTo(4.0);
    }

    @Test
    void dropsTheEntriesThatDecayedBelowTheMinimumAsItAdds() {
        TopItems items = TopItems.empty(3).add("old", 1.0, T0, HOURLY).add("kept", 64.0, T0, HOURLY);

        // Three hours later "old" is worth 0.125, "kept" 8.
        TopItems added = items.addAll(Map.of("new", 0.5), at(3 * 3600), HOURLY, 0.2);

        assertThat(added.entries()).extracting(TopItems.Entry::itemId).containsExactly("kept", "new");
    }

    @Test
    void aWeightForAnEntryBelowTheMinimumAddsToWhatIsLeftOfIt() {
        TopItems items = TopItems.empty(3).add("a", 1.0, T0, HOURLY);

        // Three hours later "a" is worth 0.125, below the minimum, and comes back above it with the click.
        TopItems added = items.addAll(Map.of("a", 1.0), at(3 * 3600), HOURLY, 0.2);

        assertThat(added.scoreOf("a").orElseThrow().value()).isEqualTo(1.125);
    }
}
