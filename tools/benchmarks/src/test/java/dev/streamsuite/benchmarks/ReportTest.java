package dev.streamsuite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamsuite.testsupport.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the benchmark writes, from runs given to it. */
class ReportTest {

    @TempDir
    Path repository;

    @Test
    void aRunWithoutTheBaselinesHasNoRatiosAndJudgesNoRatioGoal() throws Exception {
        var report = report("clickstream-recommender");
        report.add("clickstream-recommender", 1, new Runs.Throughput(686, 30, 444, 146, 0, 0, "", 20));

        report.write();

        JsonNode written = SuiteBenchmark.json()
                .readTree(repository.resolve("docs/benchmarks/latest.json").toFile());
        var result = written.path("results").get(0);
        assertThat(result.path("events_per_s").asLong()).isEqualTo(686);
        assertThat(result.has("ratio_to_b0")).isFalse();
        assertThat(result.has("ratio_to_b1")).isFalse();
        assertThat(result.has("cpu_us_per_event")).as("not measured").isFalse();
        assertThat(result.has("broker_cpu_us_per_event")).as("not measured").isFalse();
        assertThat(written.path("goals").findValuesAsText("goal"))
                .containsExactly("clickstream-recommender (1 thread) RSS ≤ 512 MiB");
        assertThat(Files.readString(repository.resolve("BENCHMARKS.md"))).doesNotContain("Infinity");
    }

    @Test
    void aServiceIsMeasuredAgainstTheBaselinesOfTheSameRun() throws Exception {
        var report = report();
        report.add("B0", 1, new Runs.Throughput(100_000, 30, 0, 0, 9.5, 4.0, "", 20));
        report.add("B1", 1, new Runs.Throughput(80_000, 30, 0, 0, 12.25, 4.5, "", 20));
        report.add("fraud-detector", 1, new Runs.Throughput(20_000, 30, 400, 150, 61.5, 8.5, "", 31.5));
        report.add("fraud-detector@before", 1, new Runs.Throughput(18_000, 30, 600, 150, 70, 9, "", 20));

        report.write();

        JsonNode written = SuiteBenchmark.json()
                .readTree(repository.resolve("docs/benchmarks/latest.json").toFile());
        var fraud = written.path("results").get(2);
        assertThat(fraud.path("ratio_to_b0").asDouble()).isEqualTo(0.2);
        assertThat(fraud.path("ratio_to_b1").asDouble()).isEqualTo(0.25);
        assertThat(fraud.path("cpu_us_per_event").asDouble()).isEqualTo(61.5);
        assertThat(fraud.path("broker_cpu_us_per_event").asDouble()).isEqualTo(8.5);
        assertThat(fraud.path("warm_up_s").asDouble()).isEqualTo(31.5);
        assertThat(Files.readString(repository.resolve("BENCHMARKS.md")))
                .contains("| 400 | 150 | 61.5 | 8.5 |")
                .contains("broker CPU µs/event");
        assertThat(written.path("goals").findValuesAsText("goal"))
                .contains("B1 (1 thread) ≥ 0.7 × B0", "fraud-detector (1 thread) ≥ 0.6 × B1")
                .noneMatch(goal -> goal.contains("@before"));
    }

    @Test
    void anEarlierBuildsLatencyIsReportedBesideItsRowAndNotJudged() throws Exception {
        var report = report();
        report.add("fraud-detector", 1, new Runs.Throughput(20_000, 30, 400, 150, 61.5, 8.5, "", 31.5));
        report.add("fraud-detector@before", 1, new Runs.Throughput(18_000, 30, 380, 150, 70, 9, "", 20));
        report.latency("fraud-detector", new LatencyRun.Latency(80, 240, 300, 300_000, 10_000, 20, true));
        report.latency("fraud-detector@before", new LatencyRun.Latency(90, 310, 400, 300_000, 10_000, 25, true));

        report.write();

        JsonNode written = SuiteBenchmark.json()
                .readTree(repository.resolve("docs/benchmarks/latest.json").toFile());
        assertThat(written.path("results").findValuesAsText("pipeline"))
                .containsExactly("fraud-detector", "fraud-detector@before");
        assertThat(written.path("results").get(0).path("p99_ms").asDouble()).isEqualTo(240);
        assertThat(written.path("results").get(1).path("p99_ms").asDouble()).isEqualTo(310);
        assertThat(Files.readString(repository.resolve("BENCHMARKS.md")))
                .contains("| 80 / 240 / 300 |")
                .contains("| 90 / 310 / 400 |");
        var goals = written.path("goals");
        assertThat(goals.findValuesAsText("goal")).containsOnlyOnce("fraud-detector p99 ≤ 250 ms at 50% load");
        assertThat(goals.findValues("measured")).extracting(JsonNode::asDouble).doesNotContain(310.0);
    }

    @Test
    void aSmallRatioShowsItsFirstDigitRatherThanZero() {
        assertThat(Report.ratio(550.0 / 137_052)).isEqualTo("0.004");
        assertThat(Report.ratio(0.2204)).isEqualTo("0.22");
        assertThat(Report.ratio(1.0)).isEqualTo("1.00");
    }

    private Report report(String... only) {
        return new Report(
                new SuiteBenchmark.Options(
                        1,
                        30,
                        30,
                        1.0,
                        null,
                        null,
                        ServiceProcess.POD_JVM_OPTIONS,
                        List.of(only),
                        null,
                        "./tools/benchmarks/run"),
                repository);
    }
}
