package dev.streamsuite.streams.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

class KafkaStreamsHealthIndicatorsTest {

    @ParameterizedTest(name = "{0}: readiness {1}, liveness {2}")
    @CsvSource({
        "CREATED,         OUT_OF_SERVICE, UP",
        "REBALANCING,     OUT_OF_SERVICE, UP",
        "RUNNING,         UP,             UP",
        "PENDING_SHUTDOWN, OUT_OF_SERVICE, UP",
        "NOT_RUNNING,     OUT_OF_SERVICE, DOWN",
        "PENDING_ERROR,   OUT_OF_SERVICE, DOWN",
        "ERROR,           OUT_OF_SERVICE, DOWN",
    })
    void mapsEveryStreamsStateToProbeStatuses(State state, String readiness, String liveness) {
        var factoryBean = factoryBeanIn(state);

        assertThat(KafkaStreamsHealthIndicators.readiness(factoryBean)
                        .health(true)
                        .getStatus())
                .isEqualTo(new Status(readiness));
        assertThat(KafkaStreamsHealthIndicators.liveness(factoryBean)
                        .health(true)
                        .getStatus())
                .isEqualTo(new Status(liveness));
    }

    @org.junit.jupiter.api.Test
    void notStartedIsAliveButNotReady() {
        var factoryBean = mock(StreamsBuilderFactoryBean.class);

        assertThat(KafkaStreamsHealthIndicators.readiness(factoryBean)
                        .health(true)
                        .getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(KafkaStreamsHealthIndicators.liveness(factoryBean)
                        .health(true)
                        .getStatus())
                .isEqualTo(Status.UP);
    }

    private static StreamsBuilderFactoryBean factoryBeanIn(State state) {
        var streams = mock(KafkaStreams.class);
        when(streams.state()).thenReturn(state);
        var factoryBean = mock(StreamsBuilderFactoryBean.class);
        when(factoryBean.getKafkaStreams()).thenReturn(streams);
        return factoryBean;
    }
}
