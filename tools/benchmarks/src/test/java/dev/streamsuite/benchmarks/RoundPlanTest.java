package dev.streamsuite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.benchmarks.RoundPlan.Step;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The order of a round's service runs: no service and no build always in the same place. */
class RoundPlanTest {

    private static final List<String> SERVICES = List.of("fraud", "iot", "recommender");

    @Test
    void eachServiceGoesFirstInTurn() {
        var firsts = IntStream.rangeClosed(1, 3)
                .mapToObj(round -> RoundPlan.of(round, SERVICES, false).get(0).service())
                .toList();

        assertThat(firsts).containsExactly("fraud", "iot", "recommender");
        assertThat(RoundPlan.of(4, SERVICES, false).get(0).service()).isEqualTo("fraud");
    }

    @Test
    void withoutAnEarlierBuildEachServiceRunsWithOneThreadThenTwo() {
        assertThat(RoundPlan.of(2, SERVICES, false))
                .containsExactly(
                        new Step("iot", 1, false),
                        new Step("iot", 2, false),
                        new Step("recommender", 1, false),
                        new Step("recommender", 2, false),
                        new Step("fraud", 1, false),
                        new Step("fraud", 2, false));
    }

    @Test
    void theEarlierBuildAndTheBuildUnderTestSwapPlacesNextToEachOtherEveryRound() {
        assertThat(RoundPlan.of(1, List.of("iot"), true))
                .containsExactly(new Step("iot", 1, false), new Step("iot", 1, true), new Step("iot", 2, false));
        assertThat(RoundPlan.of(2, List.of("iot"), true))
                .containsExactly(new Step("iot", 1, true), new Step("iot", 1, false), new Step("iot", 2, false));
    }

    @Test
    void everyRoundRunsEveryServiceAndBuildOnce() {
        for (int round = 1; round <= 6; round++) {
            var steps = RoundPlan.of(round, SERVICES, true);

            assertThat(steps).hasSize(9).doesNotHaveDuplicates();
            assertThat(steps.stream().filter(Step::before).map(Step::service))
                    .containsExactlyInAnyOrderElementsOf(SERVICES);
        }
    }
}
