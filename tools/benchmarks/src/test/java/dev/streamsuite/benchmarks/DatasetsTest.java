package dev.streamsuite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.iot.SensorReading;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static final Instant END = Instant.parse("2026-12-05T12:34:56.789Z");

    @Test
    void everyDeviceSendsOneReadingInEachWholeMinute() {
        List<SensorReading> readings = readingsOf(Datasets.readingsEveryMinute(7, 3));

        assertThat(readings).hasSize(21);
        Instant first = readings.get(0).getEventTime();
        assertThat(first).isEqualTo(END.minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MINUTES));
        Map<Instant, List<String>> devicesByMinute = readings.stream()
                .collect(Collectors.groupingBy(
                        reading -> reading.getEventTime().truncatedTo(ChronoUnit.MINUTES),
                        Collectors.mapping(SensorReading::getDeviceId, Collectors.toList())));
        assertThat(devicesByMinute).hasSize(3);
        devicesByMinute.values().forEach(devices -> assertThat(devices)
                .containsExactly("dev-0", "dev-1", "dev-2", "dev-3", "dev-4", "dev-5", "dev-6"));
        assertThat(readings).extracting(SensorReading::getEventTime).isSorted().allSatisfy(at -> assertThat(at)
                .isBefore(END));
    }

    @Test
    void readingsOverASpanComeAtEvenStepsFromItsStart() {
        List<SensorReading> readings = readingsOf(Datasets.readings(10, 4, Duration.ofSeconds(20)));

        assertThat(readings)
                .extracting(SensorReading::getEventTime)
                .containsExactly(IntStream.range(0, 10)
                        .mapToObj(i -> END.minusSeconds(20).plusSeconds(2L * i))
                        .toArray(Instant[]::new));
        assertThat(readings).extracting(SensorReading::getDeviceId).startsWith("dev-0", "dev-1", "dev-2", "dev-3");
    }

    private static List<SensorReading> readingsOf(Datasets.Dataset dataset) {
        var readings = new ArrayList<SensorReading>();
        dataset.write(
                (topic, key, value, timestamp) -> {
                    if (topic.equals(TopicCatalog.SENSOR_READINGS.name())) {
                        assertThat(key).isEqualTo(((SensorReading) value).getDeviceId());
                        assertThat(timestamp).isEqualTo(((SensorReading) value).getEventTime());
                        readings.add((SensorReading) value);
                    }
                },
                END);
        return readings;
    }
}
