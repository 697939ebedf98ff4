package dev.streamsuite.streams.autoconfigure;

import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Health of the service's KafkaStreams instance, split the way Kubernetes probes need it:
 * readiness is UP only while RUNNING (restoring state or rebalancing means queries would be
 * wrong or empty), liveness is DOWN only for states the instance cannot leave by itself.
 */
final class KafkaStreamsHealthIndicators {

    private static final Set<State> DEAD = EnumSet.of(State.PENDING_ERROR, State.ERROR, State.NOT_RUNNING);

    private KafkaStreamsHealthIndicators() {}

    static HealthIndicator readiness(StreamsBuilderFactoryBean factoryBean) {
        return () -> {
            KafkaStreams streams = factoryBean.getKafkaStreams();
            if (streams == null) {
                return Health.outOfService().withDetail("state", "not started").build();
            }
            State state = streams.state();
            var status = state == State.RUNNING ? Status.UP : Status.OUT_OF_SERVICE;
            return Health.status(status).withDetail("state", state.name()).build();
        };
    }

    static HealthIndicator liveness(StreamsBuilderFactoryBean factoryBean) {
        return () -> {
            KafkaStreams streams = factoryBean.getKafkaStreams();
            if (streams == null) {
                // Not started yet (or stopped by the application context itself): nothing a restart fixes.
                return Health.up().withDetail("state", "not started").build();
            }
            State state = streams.state();
            var health = DEAD.contains(state) ? Health.down() : Health.up();
            return health.withDetail("state", state.name()).build();
        };
    }
}
