package dev.streamsuite.fraud.config;

import dev.streamsuite.fraud.topology.FraudSettings;
import dev.streamsuite.fraud.topology.FraudTopics;
import dev.streamsuite.fraud.topology.FraudTopology;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.NewTopics;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class FraudConfiguration {

    /** {@code fraud.*} of application.yml. */
    @Bean
    FraudSettings fraudSettings(Environment environment) {
        return ServiceSettings.bind(environment, "fraud", FraudSettings.class);
    }

    @Bean
    FraudTopology fraudTopology(AvroSerdes serdes, FraudSettings settings) {
        return new FraudTopology(FraudTopics.from(serdes), settings);
    }

    /** The service's own compacted topic, created like the catalog's (streamsuite.topics.create). */
    @Bean
    @ConditionalOnBooleanProperty(name = "streamsuite.topics.create", matchIfMissing = true)
    KafkaAdmin.NewTopics fraudDetectorTopics(@Value("${streamsuite.topics.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(NewTopics.of(FraudTopics.RULES_IN_FORCE, replicas));
    }
}
