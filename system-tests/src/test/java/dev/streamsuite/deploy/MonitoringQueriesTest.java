package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoringQueriesTest {

    @Test
    void findsTheMetricNamesOfAQueryAndNothingElse() {
        var names = MonitoringQueries.metricNames(List.of(
                "sum by (application, topic) (rate(streamsuite_dead_letter_records_total{application=~\"$application\","
                        + " stage!=\"x\"}[$__rate_interval])) / on (application) group_left (instance)"
                        + " max_over_time(kafka_stream_alive_stream_threads[1h]) > 0.5 and up == 0"));

        assertThat(names).containsExactly("kafka_stream_alive_stream_threads", "streamsuite_dead_letter_records_total");
    }

    @Test
    void everyDashboardAndTheAlertRulesQuerySomething() {
        for (String dashboard : List.of(
                "streamsuite-overview.json",
                "fraud-detector.json",
                "iot-aggregator.json",
                "clickstream-recommender.json")) {
            assertThat(MonitoringQueries.metricNames(MonitoringQueries.dashboard(dashboard)))
                    .as(dashboard)
                    .hasSizeGreaterThan(10);
        }
        assertThat(MonitoringQueries.metricNames(MonitoringQueries.alertRules()))
                .hasSizeGreaterThan(5);
    }
}
