package dev.streamsuite.fraud.config;

import dev.streamsuite.fraud.topology.FraudSettings;
import dev.streamsuite.fraud.topology.FraudTopics;
import dev.streamsuite.fraud.topology.FraudTopology;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.NewTopics;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * The service's own compacted topic. Like Kafka Streams' internal topics it belongs to the
     * application, so the service creates it whatever {@code streamsuite.topics.create} says (which
     * is about the shared catalog's topics); its principal needs CREATE on the prefix
     * {@code fraud-detector}, as for its internal topics.
     */
    @Bean
    KafkaAdmin.NewTopics fraudDetectorTopics(@Value("${streamsuite.topics.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(NewTopics.of(FraudTopics.RULES_IN_FORCE, replicas));
    }
}
