package dev.streamsuite.iot.domain;

import static dev.streamsuite.iot.domain.Readings.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowMathTest {

    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static Instant at(String time) {
        return Instant.parse("2026-01-01T" + time + "Z");
    }

    @Test
    void aTumblingWindowStartsAtTheLastMultipleOfItsSizeSinceTheEpoch() {
        assertThat(WindowMath.windowStart(at("00:07:30"), FIVE_MINUTES)).isEqualTo(at("00:05:00"));
        assertThat(WindowMath.windowStart(at("00:05:00"), FIVE_MINUTES)).isEqualTo(at("00:05:00"));
        assertThat(WindowMath.windowStart(at("00:05:00").minusMillis(1), FIVE_MINUTES))
                .isEqualTo(T0);
        assertThat(WindowMath.windowStart(at("13:59:59"), Duration.ofHours(1))).isEqualTo(at("13:00:00"));
    }

    @Test
    void windowsAreAlignedToTheEpochNotToTheDay() {
        // The epoch was a Thursday, and so is 2026-01-01: week-long windows run Thursday to Thursday.
        assertThat(WindowMath.windowStart(Instant.parse("2026-01-05T09:00:00Z"), Duration.ofDays(7)))
                .isEqualTo(T0);
        // Midnight is 11 minutes into a 13-minute window, as 1767225600 s is 660 s past a multiple of 780 s.
        assertThat(WindowMath.windowStart(T0, Duration.ofMinutes(13))).isEqualTo(Instant.parse("2025-12-31T23:49:00Z"));
    }

    @Test
    void subMillisecondPartsOfTheInstantDoNotMoveTheWindow() {
        assertThat(WindowMath.windowStart(at("00:05:00").minusNanos(1), FIVE_MINUTES))
                .isEqualTo(T0);
    }

    @Test
    void aTimeFallsIntoFiveHoppingWindowsOfFiveMinutesAdvancingByOne() {
        List<Instant> starts = WindowMath.hoppingWindowStarts(at("00:07:30"), FIVE_MINUTES, ONE_MINUTE);

        assertThat(starts)
                .containsExactly(at("00:03:00"), at("00:04:00"), at("00:05:00"), at("00:06:00"), at("00:07:00"));
    }

    @Test
    void aTimeOnAWindowBoundaryBelongsToTheWindowStartingThereAndNotToTheOneEndingThere() {
        List<Instant> starts = WindowMath.hoppingWindowStarts(at("00:10:00"), FIVE_MINUTES, ONE_MINUTE);

        assertThat(starts)
                .containsExactly(at("00:06:00"), at("00:07:00"), at("00:08:00"), at("00:09:00"), at("00:10:00"));
    }

    @Test
    void everyHoppingWindowReturnedContainsTheTime() {
        Instant t = at("12:34:56.789");
        Duration size = Duration.ofMinutes(15);
        Duration advance = Duration.ofMinutes(4);

        List<Instant> starts = WindowMath.hoppingWindowStarts(t, size, advance);

        assertThat(starts).hasSize(4).allSatisfy(start -> {
            assertThat(start).isBeforeOrEqualTo(t);
            assertThat(start.plus(size)).isAfter(t);
            assertThat(start.toEpochMilli() % advance.toMillis()).isZero();
        });
        assertThat(starts.get(0).minus(advance).plus(size)).isBeforeOrEqualTo(t);
    }

    @Test
    void hoppingWindowsWithAnAdvanceEqualToTheSizeAreTheTumblingWindow() {
        assertThat(WindowMath.hoppingWindowStarts(at("00:07:30"), FIVE_MINUTES, FIVE_MINUTES))
                .containsExactly(WindowMath.windowStart(at("00:07:30"), FIVE_MINUTES));
    }

    @Test
    void likeKafkaStreamsNoWindowStartsBeforeTheEpoch() {
        assertThat(WindowMath.hoppingWindowStarts(Instant.EPOCH.plusSeconds(90), FIVE_MINUTES, ONE_MINUTE))
                .containsExactly(Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
    }

    @Test
    void rejectsUnusableSizesAndTimes() {
        assertThatThrownBy(() -> WindowMath.windowStart(T0, Duration.ZERO))
                .hasMessage("size must be a positive whole number of milliseconds, was PT0S");
        assertThatThrownBy(() -> WindowMath.windowStart(T0, Duration.ofNanos(1_500_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowMath.hoppingWindowStarts(T0, ONE_MINUTE, FIVE_MINUTES))
                .hasMessage("advance PT5M must not be longer than size PT1M");
        assertThatThrownBy(() -> WindowMath.windowStart(Instant.EPOCH.minusMillis(1), ONE_MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
