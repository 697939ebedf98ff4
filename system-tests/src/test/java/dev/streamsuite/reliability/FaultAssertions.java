package dev.streamsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

/** What every fault run must show. */
final class FaultAssertions {

    private FaultAssertions() {}

    static void assertExactlyOnce(FaultRun.Summary summary) {
        assertThat(summary.duplicates())
                .as("duplicates read_committed")
                .allSatisfy((topic, count) -> assertThat(count).as(topic).isZero());
        assertThat(summary.lost())
                .as("outputs of the recomputation missing")
                .allSatisfy((topic, count) -> assertThat(count).as(topic).isZero());
        assertThat(summary.unexpected())
                .as("outputs the recomputation does not have")
                .allSatisfy((topic, count) -> assertThat(count).as(topic).isZero());
        assertThat(summary.differing())
                .as("outputs unlike the recomputation")
                .allSatisfy((topic, count) -> assertThat(count).as(topic).isZero());
        assertThat(summary.openTransactions())
                .as("output partitions with a transaction left open")
                .isEmpty();
        assertThat(summary.deadLetters())
                .as("dead letters: each invalid or unreadable record once, no valid one")
                .isEqualTo(summary.badRecords());
        assertThat(summary.deadLettersWithoutReason())
                .as("dead letters without the error in their headers")
                .isZero();
        assertThat(summary.outOfMemoryErrors())
                .as("OutOfMemoryErrors in the services' logs")
                .isZero();
        assertThat(summary.controlAbortedSeen())
                .as("the aborted control record only a read_uncommitted reader sees: the check can tell")
                .isEqualTo(1);
        assertThat(summary.expected())
                .as("every compared output has records: the comparison is not vacuous")
                .allSatisfy((topic, count) -> assertThat(count).as(topic).isPositive());
    }
}
