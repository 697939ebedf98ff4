package dev.streamsuite.clickstream.config;

import dev.streamsuite.clickstream.topology.RecommenderSettings;
import dev.streamsuite.clickstream.topology.RecommenderTopics;
import dev.streamsuite.clickstream.topology.RecommenderTopology;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.NewTopics;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class RecommenderConfiguration {

    /** {@code recommender.*} of application.yml. */
    @Bean
    RecommenderSettings recommenderSettings(Environment environment) {
        return ServiceSettings.bind(environment, "recommender", RecommenderSettings.class);
    }

    @Bean
    RecommenderTopology recommenderTopology(AvroSerdes serdes, RecommenderSettings settings) {
        return new RecommenderTopology(RecommenderTopics.from(serdes), settings);
    }

    /**
     * The service's own compacted topics. Like Kafka Streams' internal topics they belong to the
     * application, so the service creates them whatever {@code streamsuite.topics.create} says
     * (which is about the shared catalog's topics); its principal needs CREATE on the prefix
     * {@code clickstream-recommender}, as for its internal topics.
     */
    @Bean
    KafkaAdmin.NewTopics recommenderTopics(@Value("${streamsuite.topics.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                NewTopics.of(RecommenderTopics.SIMILAR_ITEMS, replicas),
                NewTopics.of(RecommenderTopics.TRENDING, replicas));
    }
}
