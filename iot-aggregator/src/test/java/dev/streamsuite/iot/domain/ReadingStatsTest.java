package dev.streamsuite.iot.domain;

import static dev.streamsuite.iot.domain.Readings.T0;
import static dev.streamsuite.iot.domain.Readings.atSeconds;
import static dev.streamsuite.iot.domain.Readings.bruteForce;
import static dev.streamsuite.iot.domain.Readings.shuffledReadings;
import static dev.streamsuite.iot.domain.Readings.statsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.streamsuite.iot.domain.Readings.Expected;
import dev.streamsuite.iot.domain.Readings.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingStatsTest {

    @Test
    void emptyStatsHaveNoCountAndNaNFigures() {
        ReadingStats empty = ReadingStats.empty();

        assertThat(empty.count()).isZero();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.min()).isNaN();
        assertThat(empty.max()).isNaN();
        assertThat(empty.mean()).isNaN();
        assertThat(empty.variance()).isNaN();
        assertThat(empty.stdDev()).isNaN();
        assertThat(empty.first()).isNaN();
        assertThat(empty.last()).isNaN();
        assertThat(empty.firstTime()).isNull();
        assertThat(empty.lastTime()).isNull();
    }

    @Test
    void aSingleReadingIsEveryFigureWithZeroVariance() {
        ReadingStats stats = ReadingStats.empty().add(21.5, T0);

        assertThat(stats).isEqualTo(new ReadingStats(1, 21.5, 0.0, 21.5, 21.5, 21.5, T0, 21.5, T0));
        assertThat(stats.variance()).isZero();
        assertThat(stats.stdDev()).isZero();
        assertThat(stats.isEmpty()).isFalse();
    }

    @Test
    void computesTheFiguresOfASmallKnownSet() {
        ReadingStats stats = ReadingStats.empty()
                .add(4.0, atSeconds(3))
                .add(2.0, atSeconds(1))
                .add(8.0, atSeconds(4))
                .add(6.0, atSeconds(2));

        assertThat(stats.count()).isEqualTo(4);
        assertThat(stats.mean()).isEqualTo(5.0);
        assertThat(stats.variance()).isCloseTo(5.0, within(1e-12));
        assertThat(stats.stdDev()).isCloseTo(Math.sqrt(5.0), within(1e-15));
        assertThat(stats.min()).isEqualTo(2.0);
        assertThat(stats.max()).isEqualTo(8.0);
    }

    @Test
    void firstAndLastFollowEventTimeNotArrivalOrder() {
        ReadingStats stats = ReadingStats.empty()
                .add(20.0, atSeconds(10))
                .add(30.0, atSeconds(30))
                .add(10.0, atSeconds(0))
                .add(25.0, atSeconds(20));

        assertThat(stats.first()).isEqualTo(10.0);
        assertThat(stats.firstTime()).isEqualTo(atSeconds(0));
        assertThat(stats.last()).isEqualTo(30.0);
        assertThat(stats.lastTime()).isEqualTo(atSeconds(30));
    }

    @Test
    void ofReadingsAtTheSameEventTimeFirstKeepsTheEarlierArrivedAndLastTheLaterArrived() {
        ReadingStats stats = ReadingStats.empty().add(1.0, T0).add(2.0, T0).add(3.0, T0);

        assertThat(stats.first()).isEqualTo(1.0);
        assertThat(stats.last()).isEqualTo(3.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void matchesBruteForceForRandomReadingsArrivingOutOfOrder(long seed) {
        List<Reading> readings = shuffledReadings(seed, 1_000, 20.0, 5.0);

        assertMatches(statsOf(readings), bruteForce(readings), 1e-12);
    }

    @Test
    void staysAccurateForLargeValuesWithASmallSpreadWhereSumsOfSquaresFail() {
        List<Reading> readings = shuffledReadings(42, 10_000, 1e9, 0.5);
        Expected expected = bruteForce(readings);
        double sum = 0.0;
        double sumOfSquares = 0.0;
        for (Reading reading : readings) {
            sum += reading.value();
            sumOfSquares += reading.value() * reading.value();
        }
        double naiveVariance = (sumOfSquares - sum * sum / readings.size()) / readings.size();

        ReadingStats stats = statsOf(readings);

        assertThat(expected.variance()).isCloseTo(0.25, within(0.01));
        assertThat(stats.variance()).isCloseTo(expected.variance(), withinPercentage(1e-4));
        assertThat(stats.mean()).isCloseTo(expected.mean(), within(1e-5));
        assertThat(Math.abs(naiveVariance - expected.variance())).isGreaterThan(100 * expected.variance());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 333, 500, 999})
    void mergingTwoSplitsOfTheReadingsEqualsAddingThemAll(int splitAt) {
        List<Reading> readings = shuffledReadings(7, 1_000, -3.0, 12.0);
        ReadingStats all = statsOf(readings);

        ReadingStats merged = statsOf(readings.subList(0, splitAt)).merge(statsOf(readings.subList(splitAt, 1_000)));

        assertMatches(merged, bruteForce(readings), 1e-12);
        assertThat(merged.count()).isEqualTo(all.count());
        assertThat(merged.min()).isEqualTo(all.min());
        assertThat(merged.max()).isEqualTo(all.max());
        assertThat(merged.firstTime()).isEqualTo(all.firstTime());
        assertThat(merged.lastTime()).isEqualTo(all.lastTime());
    }

    @Test
    void mergingManyUnevenPartsInAnyOrderMatchesBruteForce() {
        List<Reading> readings = shuffledReadings(11, 2_000, 1013.25, 0.8);
        Random random = new Random(11);
        List<ReadingStats> parts = new ArrayList<>();
        int from = 0;
        while (from < readings.size()) {
            int to = Math.min(readings.size(), from + 1 + random.nextInt(300));
            parts.add(statsOf(readings.subList(from, to)));
            from = to;
        }

        ReadingStats leftToRight = ReadingStats.empty();
        for (ReadingStats part : parts) {
            leftToRight = leftToRight.merge(part);
        }
        ReadingStats rightToLeft = ReadingStats.empty();
        for (ReadingStats part : parts) {
            rightToLeft = part.merge(rightToLeft);
        }

        assertThat(parts).hasSizeGreaterThan(5);
        assertMatches(leftToRight, bruteForce(readings), 1e-11);
        assertMatches(rightToLeft, bruteForce(readings), 1e-11);
    }

    @Test
    void mergingWithEmptyStatsChangesNothing() {
        ReadingStats stats = ReadingStats.empty().add(1.0, T0).add(3.0, atSeconds(1));

        assertThat(stats.merge(ReadingStats.empty())).isEqualTo(stats);
        assertThat(ReadingStats.empty().merge(stats)).isEqualTo(stats);
        assertThat(ReadingStats.empty().merge(ReadingStats.empty())).isEqualTo(ReadingStats.empty());
    }

    @Test
    void mergingSingleReadingsEqualsAddingThem() {
        ReadingStats added =
                ReadingStats.empty().add(1.0, T0).add(2.0, atSeconds(1)).add(6.0, atSeconds(2));

        ReadingStats merged = ReadingStats.empty()
                .add(1.0, T0)
                .merge(ReadingStats.empty().add(2.0, atSeconds(1)))
                .merge(ReadingStats.empty().add(6.0, atSeconds(2)));

        assertThat(merged)
                .usingRecursiveComparison()
                .withComparatorForFields((Double a, Double b) -> Math.abs(a - b) <= 1e-12 ? 0 : 1, "mean", "m2")
                .isEqualTo(added);
        assertThat(merged.variance()).isCloseTo(14.0 / 3, within(1e-12));
    }

    @Test
    void inAMergeTheReceiverCountsAsArrivedFirstForTies() {
        ReadingStats receiver = ReadingStats.empty().add(1.0, T0).add(2.0, atSeconds(5));
        ReadingStats argument = ReadingStats.empty().add(10.0, T0).add(20.0, atSeconds(5));

        ReadingStats merged = receiver.merge(argument);

        assertThat(merged.first()).isEqualTo(1.0);
        assertThat(merged.last()).isEqualTo(20.0);
    }

    @Test
    void mergeTakesFirstAndLastFromWhicheverPartHasThem() {
        ReadingStats early = ReadingStats.empty().add(1.0, atSeconds(0)).add(2.0, atSeconds(50));
        ReadingStats middle = ReadingStats.empty().add(5.0, atSeconds(10)).add(6.0, atSeconds(40));

        assertThat(middle.merge(early).first()).isEqualTo(1.0);
        assertThat(middle.merge(early).last()).isEqualTo(2.0);
        assertThat(early.merge(middle).first()).isEqualTo(1.0);
        assertThat(early.merge(middle).last()).isEqualTo(2.0);
    }

    @Test
    void addingReturnsNewStatsAndLeavesTheOriginalAlone() {
        ReadingStats one = ReadingStats.empty().add(1.0, T0);

        ReadingStats two = one.add(3.0, atSeconds(1));

        assertThat(one.count()).isEqualTo(1);
        assertThat(two.count()).isEqualTo(2);
        assertThat(ReadingStats.empty().isEmpty()).isTrue();
    }

    @Test
    void rejectsReadingsThatCannotBeAggregated() {
        ReadingStats stats = ReadingStats.empty();

        assertThatThrownBy(() -> stats.add(Double.NaN, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be finite, was NaN");
        assertThatThrownBy(() -> stats.add(Double.POSITIVE_INFINITY, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stats.add(1.0, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stats.merge(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void restoringFromTheComponentsGivesEqualStatsThatKeepAggregating() {
        ReadingStats stats = statsOf(shuffledReadings(5, 50, 0.0, 1.0));

        ReadingStats restored = new ReadingStats(
                stats.count(),
                stats.mean(),
                stats.m2(),
                stats.min(),
                stats.max(),
                stats.first(),
                stats.firstTime(),
                stats.last(),
                stats.lastTime());

        assertThat(restored).isEqualTo(stats);
        assertThat(restored.add(2.0, atSeconds(100))).isEqualTo(stats.add(2.0, atSeconds(100)));
    }

    @Test
    void restoringACountOfZeroGivesEmptyStatsWhateverThePlaceholders() {
        assertThat(new ReadingStats(0, 0.0, 0.0, 0.0, 0.0, 0.0, T0, 0.0, T0)).isEqualTo(ReadingStats.empty());
    }

    @Test
    void rejectsInconsistentComponents() {
        assertThatThrownBy(() -> new ReadingStats(-1, 0, 0, 0, 0, 0, T0, 0, T0))
                .hasMessage("count must not be negative, was -1");
        assertThatThrownBy(() -> new ReadingStats(2, 1, -0.5, 0, 2, 0, T0, 2, T0))
                .hasMessage("m2 must not be negative, was -0.5");
        assertThatThrownBy(() -> new ReadingStats(2, 1, 2, 2, 0, 0, T0, 2, T0)).hasMessage("min 2.0 is above max 0.0");
        assertThatThrownBy(() -> new ReadingStats(2, 1, 2, 0, 2, 0, atSeconds(1), 2, T0))
                .hasMessageContaining("is after lastTime");
        assertThatThrownBy(() -> new ReadingStats(1, Double.NaN, 0, 0, 0, 0, T0, 0, T0))
                .hasMessage("mean must be finite, was NaN");
        assertThatThrownBy(() -> new ReadingStats(1, 0, 0, 0, 0, 0, null, 0, T0))
                .isInstanceOf(NullPointerException.class);
    }

    private static void assertMatches(ReadingStats actual, Expected expected, double relativeTolerance) {
        double scale = Math.max(Math.abs(expected.mean()), Math.sqrt(expected.variance()));
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.mean()).isCloseTo(expected.mean(), within(relativeTolerance * scale));
        assertThat(actual.variance()).isCloseTo(expected.variance(), within(relativeTolerance * expected.variance()));
        assertThat(actual.min()).isEqualTo(expected.min());
        assertThat(actual.max()).isEqualTo(expected.max());
        assertThat(actual.first()).isEqualTo(expected.first());
        assertThat(actual.last()).isEqualTo(expected.last());
    }
}
