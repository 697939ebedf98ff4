package dev.streamsuite.clickstream.domain;

import static dev.streamsuite.clickstream.domain.Clicks.cart;
import static dev.streamsuite.clickstream.domain.Clicks.purchase;
import static dev.streamsuite.clickstream.domain.Clicks.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SessionPairsTest {

    private final SessionPairs pairs = new SessionPairs(Clicks.WEIGHTS, 20);

    @Test
    void pairsTheFirstClickOfASessionWithNothing() {
        assertThat(pairs.increments(SessionState.empty(10), view("a", 0))).isEmpty();
    }

    @Test
    void pairsANewItemWithEachOtherItemBothWaysAtTheMeanOfTheirWeights() {
        SessionState session = SessionState.of(10, List.of(view("a", 0), cart("b", 10)));

        assertThat(pairs.increments(session, purchase("c", 20)))
                .containsExactly(
                        new PairIncrement("c", "b", 4.0),
                        new PairIncrement("b", "c", 4.0),
                        new PairIncrement("c", "a", 3.0),
                        new PairIncrement("a", "c", 3.0));
    }

    @Test
    void neverPairsAnItemWithItself() {
        SessionState session = SessionState.of(10, List.of(view("a", 0), view("b", 10)));

        assertThat(pairs.increments(session, cart("a", 20)))
                .allSatisfy(increment -> assertThat(increment.from()).isNotEqualTo(increment.to()));
        assertThatThrownBy(() -> new PairIncrement("a", "a", 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsNothingForARepeatedOrWeakerInteraction() {
        SessionState viewed = SessionState.of(10, List.of(view("a", 0), view("b", 10)));
        SessionState carted = SessionState.of(10, List.of(cart("a", 0), view("b", 10)));

        assertThat(pairs.increments(viewed, view("a", 20))).isEmpty();
        assertThat(pairs.increments(carted, view("a", 20))).isEmpty();
        assertThat(pairs.increments(carted, cart("a", 20))).isEmpty();
    }

    @Test
    void addsOnlyTheDifferenceForAStrongerInteraction() {
        SessionState session = SessionState.of(10, List.of(view("a", 0), view("b", 10)));

        // The pair already earned (1 + 1) / 2; with a cart it is worth (3 + 1) / 2.
        assertThat(pairs.increments(session, cart("a", 20)))
                .containsExactly(new PairIncrement("a", "b", 1.0), new PairIncrement("b", "a", 1.0));
    }

    @Test
    void earnsEachPairTheMeanOfTheStrongestWeightsWhateverTheClickOrder() {
        List<SessionEvent> events = new ArrayList<>(
                List.of(view("a", 0), view("b", 10), cart("a", 20), view("c", 30), purchase("a", 40), cart("c", 50)));
        Map<String, Double> expected = Map.of("a>b", 3.0, "b>a", 3.0, "a>c", 4.0, "c>a", 4.0, "b>c", 2.0, "c>b", 2.0);
        Random random = new Random(7);

        for (int shuffle = 0; shuffle < 20; shuffle++) {
            Collections.shuffle(events, random);
            Map<String, Double> totals = totals(events);

            assertThat(totals.keySet()).isEqualTo(expected.keySet());
            expected.forEach((pair, total) -> assertThat(totals.get(pair)).isCloseTo(total, within(1e-12)));
        }
    }

    @Test
    void pairsOnlyTheMostRecentOtherItems() {
        SessionPairs capped = new SessionPairs(Clicks.WEIGHTS, 2);
        SessionState session = SessionState.of(10, List.of(view("a", 0), view("b", 10), view("c", 20), view("d", 30)));

        assertThat(capped.increments(session, view("e", 40)))
                .extracting(PairIncrement::to)
                .containsExactly("d", "e", "c", "e");
    }

    @Test
    void doesNotCountTheArrivingItemAgainstTheCap() {
        SessionPairs capped = new SessionPairs(Clicks.WEIGHTS, 2);
        SessionState session = SessionState.of(10, List.of(view("a", 0), view("b", 10), view("c", 20)));

        assertThat(capped.increments(session, cart("c", 30)))
                .extracting(PairIncrement::from)
                .containsExactly("c", "b", "c", "a");
    }

    @Test
    void takesASessionAsItsRawEventsToo() {
        List<SessionEvent> events = List.of(view("a", 0), cart("b", 10), view("a", 20), view("c", 30));

        assertThat(pairs.increments(events, purchase("d", 40)))
                .isEqualTo(pairs.increments(SessionState.of(10, events), purchase("d", 40)));
    }

    @Test
    void leavesOutIncrementsWorthNothing() {
        SessionPairs viewsIgnored = new SessionPairs(new InteractionWeights(0.0, 3.0, 5.0), 20);

        assertThat(viewsIgnored.increments(SessionState.of(10, List.of(view("a", 0))), view("b", 10)))
                .isEmpty();
    }

    @Test
    void rejectsACapBelowOne() {
        assertThatThrownBy(() -> new SessionPairs(Clicks.WEIGHTS, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxItemsPerSession");
    }

    private Map<String, Double> totals(List<SessionEvent> events) {
        Map<String, Double> totals = new TreeMap<>();
        SessionState session = SessionState.empty(10);
        for (SessionEvent event : events) {
            for (PairIncrement increment : pairs.increments(session, event)) {
                totals.merge(increment.from() + ">" + increment.to(), increment.weight(), Double::sum);
            }
            session = session.with(event);
        }
        return totals;
    }
}
