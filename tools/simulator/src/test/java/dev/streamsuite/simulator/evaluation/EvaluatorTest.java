package dev.streamsuite.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamsuite.simulator.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final Instant T0 = Instant.parse("2025-03-10T10:00:00Z");

    private static Instant at(String offset) {
        return T0.plus(Duration.parse("PT" + offset));
    }

    private static GroundTruth truth(String id, String kind, String entity, String from, String to, Instant sentAt) {
        return new GroundTruth(id, "payments", kind, entity, at(from), at(to), "tx-" + id, sentAt);
    }

    private static ObservedAlert alert(String kind, String entity, String eventTime, Instant receivedAt) {
        return new ObservedAlert("payments", kind, entity, at(eventTime), receivedAt, null);
    }

    @Test
    void countsTruePositivesFalsePositivesFalseNegativesAndDuplicates() {
        List<GroundTruth> truths = List.of(
                truth("1", "VELOCITY", "card-1", "0S", "20S", at("20.100S")),
                truth("2", "VELOCITY", "card-2", "5M", "5M10S", at("5M10S")),
                truth("3", "VELOCITY", "card-3", "7M", "7M15S", null));
        List<ObservedAlert> alerts = List.of(
                alert("VELOCITY", "card-1", "20S", at("20.600S")), // TP, 500 ms
                alert("VELOCITY", "card-1", "1M", at("1M1S")), // repeats incident 1: duplicate
                alert("VELOCITY", "card-1", "30M", at("30M1S")), // far after: FP
                alert("VELOCITY", "card-2", "5M10S", at("5M11.500S")), // TP, 1500 ms
                alert("VELOCITY", "card-9", "20S", at("21S"))); // nobody expected it: FP

        Report report = new Evaluator().evaluate(truths, alerts);

        Report.KindResult velocity = report.result("VELOCITY").orElseThrow();
        assertThat(velocity.truePositives()).isEqualTo(2);
        assertThat(velocity.falsePositives()).isEqualTo(2);
        assertThat(velocity.falseNegatives()).isEqualTo(1);
        assertThat(velocity.duplicates()).isEqualTo(1);
        assertThat(velocity.precision()).isEqualTo(0.5);
        assertThat(velocity.recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(velocity.latenciesMs()).containsExactly(500L, 1500L);
        assertThat(velocity.p50Ms()).hasValue(500);
        assertThat(velocity.p99Ms()).hasValue(1500);
        assertThat(report.alertKinds()).hasSize(1);
    }

    @Test
    void anAlertMatchesWithinFromToToPlusSlack() {
        GroundTruth truth = truth("1", "BLOCKLIST", "card-1", "1M", "2M", null);
        List<GroundTruth> truths = List.of(truth);

        assertThat(score(truths, alert("BLOCKLIST", "card-1", "59S", null))).containsExactly(0, 1, 1);
        assertThat(score(truths, alert("BLOCKLIST", "card-1", "1M", null))).containsExactly(1, 0, 0);
        assertThat(score(truths, alert("BLOCKLIST", "card-1", "4M", null))).containsExactly(1, 0, 0);
        assertThat(score(truths, alert("BLOCKLIST", "card-1", "4M0.001S", null)))
                .containsExactly(0, 1, 1);

        Report noSlack =
                new Evaluator(Duration.ZERO).evaluate(truths, List.of(alert("BLOCKLIST", "card-1", "2M1S", null)));
        assertThat(noSlack.result("BLOCKLIST").orElseThrow().falsePositives()).isEqualTo(1);
    }

    private static List<Integer> score(List<GroundTruth> truths, ObservedAlert alert) {
        Report.KindResult result = new Evaluator()
                .evaluate(truths, List.of(alert))
                .result(alert.kind())
                .orElseThrow();
        return List.of(result.truePositives(), result.falsePositives(), result.falseNegatives());
    }

    @Test
    void alertsMatchOnlyTheirKindAndEntity() {
        List<GroundTruth> truths = List.of(truth("1", "CARD_TESTING", "card-1", "0S", "3M", null));
        List<ObservedAlert> alerts = List.of(
                alert("AMOUNT_ANOMALY", "card-1", "3M", null),
                alert("CARD_TESTING", "card-2", "3M", null),
                new ObservedAlert("iot", "CARD_TESTING", "card-1", at("3M"), null, null));

        Report report = new Evaluator().evaluate(truths, alerts);

        assertThat(report.alertKinds())
                .extracting(r -> r.domain() + "/" + r.kind())
                .containsExactly("iot/CARD_TESTING", "payments/AMOUNT_ANOMALY", "payments/CARD_TESTING");
        Report.KindResult cardTesting = report.alertKinds().get(2);
        assertThat(List.of(cardTesting.truePositives(), cardTesting.falsePositives(), cardTesting.falseNegatives()))
                .containsExactly(0, 1, 1);
        Report.KindResult amount = report.result("AMOUNT_ANOMALY").orElseThrow();
        assertThat(amount.falsePositives()).isEqualTo(1);
        assertThat(amount.recall()).isNaN();
        assertThat(amount.precision()).isEqualTo(0.0);
    }

    @Test
    void overlappingIncidentsOfOneEntityAreEachMatchedOnce() {
        // Two incidents of one card whose windows (with slack) overlap: two alerts make two true positives.
        List<GroundTruth> truths = List.of(
                truth("1", "VELOCITY", "card-1", "0S", "20S", null),
                truth("2", "VELOCITY", "card-1", "1M", "1M20S", null));
        List<ObservedAlert> alerts =
                List.of(alert("VELOCITY", "card-1", "1M10S", null), alert("VELOCITY", "card-1", "1M20S", null));

        Report.KindResult result =
                new Evaluator().evaluate(truths, alerts).result("VELOCITY").orElseThrow();

        assertThat(List.of(
                        result.truePositives(), result.falsePositives(), result.falseNegatives(), result.duplicates()))
                .containsExactly(2, 0, 0, 0);
    }

    @Test
    void latencyPercentilesAreNearestRank() {
        List<Long> latencies = new ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            latencies.add(i);
        }
        Report.KindResult result = new Report.KindResult("iot", "THRESHOLD_HIGH", 100, 0, 0, 0, latencies);

        assertThat(result.p50Ms()).hasValue(50);
        assertThat(result.p95Ms()).hasValue(95);
        assertThat(result.p99Ms()).hasValue(99);
        assertThat(result.latencyPercentileMs(100)).hasValue(100);
        assertThat(result.latencyPercentileMs(0.1)).hasValue(1);

        Report.KindResult one = new Report.KindResult("iot", "THRESHOLD_HIGH", 1, 0, 0, 0, List.of(42L));
        assertThat(List.of(one.p50Ms(), one.p95Ms(), one.p99Ms())).allMatch(p -> p.getAsLong() == 42);
        Report.KindResult none = new Report.KindResult("iot", "THRESHOLD_HIGH", 0, 0, 1, 0, List.of());
        assertThat(none.p50Ms()).isEmpty();
        assertThat(none.precision()).isNaN();
        assertThat(none.recall()).isZero();
    }

    @Test
    void latencyIsMeasuredFromTheTriggerSentToTheMatchedAlertReceived() {
        Instant sent = at("10S");
        List<GroundTruth> truths =
                List.of(new GroundTruth("t", "iot", "THRESHOLD_HIGH", "dev-1", at("10S"), at("5M"), "r-1", sent));
        List<ObservedAlert> alerts = List.of(
                new ObservedAlert("iot", "THRESHOLD_HIGH", "dev-1", at("1M"), at("1M32S"), null),
                new ObservedAlert("iot", "THRESHOLD_HIGH", "dev-1", at("2M"), at("2M1S"), null),
                new ObservedAlert("iot", "THRESHOLD_HIGH", "dev-1", at("3M"), null, null));

        Report.KindResult result = new Evaluator()
                .evaluate(truths, alerts)
                .result("THRESHOLD_HIGH")
                .orElseThrow();

        assertThat(result.truePositives()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(result.latenciesMs()).containsExactly(82_000L);
    }

    @Test
    void notAlertKindsAndFollowUpAlertsAreCountedButNotScored() {
        List<GroundTruth> truths = List.of(
                new GroundTruth("a", "iot", "LATE_READINGS", "dev-1", at("0S"), at("20S"), "r-1", at("10M")),
                new GroundTruth("b", "iot", "CORRUPT_READINGS", "dev-2", at("1M"), at("1M"), "r-9", at("1M")),
                new GroundTruth("c", "clickstream", "BOT_SESSION", "bot-1", at("2M"), at("3M"), "c-1", at("2M")),
                new GroundTruth("d", "iot", "SILENT_DEVICE", "dev-3", at("0S"), at("8M"), null, null));
        List<ObservedAlert> alerts = List.of(
                new ObservedAlert("iot", "SILENT_DEVICE", "dev-3", at("5M"), at("5M20S"), null),
                new ObservedAlert("iot", "BACK_ONLINE", "dev-3", at("8M"), at("8M1S"), null),
                new ObservedAlert("iot", "THRESHOLD_CLEARED", "dev-4", at("8M"), at("8M1S"), null));

        Report report = new Evaluator().evaluate(truths, alerts);

        assertThat(report.alertKinds()).extracting(Report.KindResult::kind).containsExactly("SILENT_DEVICE");
        Report.KindResult silent = report.alertKinds().get(0);
        assertThat(silent.truePositives()).isEqualTo(1);
        assertThat(silent.latenciesMs()).isEmpty();
        assertThat(report.notAlertKinds())
                .containsExactly(
                        new Report.NotAlertKind("clickstream", "BOT_SESSION", 1),
                        new Report.NotAlertKind("iot", "CORRUPT_READINGS", 1),
                        new Report.NotAlertKind("iot", "LATE_READINGS", 1));
        assertThat(report.followUpAlerts()).containsEntry("BACK_ONLINE", 1).containsEntry("THRESHOLD_CLEARED", 1);

        Report strict = new Evaluator(Evaluator.DEFAULT_SLACK, Set.of()).evaluate(truths, alerts);
        assertThat(strict.result("BACK_ONLINE").orElseThrow().falsePositives()).isEqualTo(1);
    }

    @Test
    void theTableListsEveryKindWithItsFigures() {
        List<GroundTruth> truths = List.of(
                truth("1", "VELOCITY", "card-1", "0S", "20S", at("20S")),
                truth("2", "IMPOSSIBLE_TRAVEL", "card-2", "0S", "10M", null),
                new GroundTruth("3", "iot", "LATE_READINGS", "dev-1", at("0S"), at("20S"), "r-1", null));
        List<ObservedAlert> alerts = List.of(
                alert("VELOCITY", "card-1", "20S", at("20.250S")),
                new ObservedAlert("iot", "BACK_ONLINE", "dev-3", at("8M"), null, null));

        String table = new Evaluator().evaluate(truths, alerts).toTable();

        assertThat(table.lines().toList().get(0))
                .contains("domain", "kind", "TP", "FP", "FN", "precision", "recall", "p50 ms", "p95 ms", "p99 ms");
        assertThat(table)
                .containsPattern("payments\\s+VELOCITY\\s+1\\s+0\\s+0\\s+0\\s+1\\.000\\s+1\\.000\\s+250\\s+250\\s+250")
                .containsPattern("payments\\s+IMPOSSIBLE_TRAVEL\\s+0\\s+0\\s+1\\s+0\\s+-\\s+0\\.000\\s+-\\s+-\\s+-")
                .contains("not alerts")
                .containsPattern("iot\\s+LATE_READINGS\\s+1 ground truth")
                .containsPattern("BACK_ONLINE\\s+1");
        assertThat(table.lines().filter(line -> line.contains("LATE_READINGS"))).hasSize(1);
    }
}
