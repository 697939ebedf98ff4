package dev.streamsuite.clickstream.config;

import dev.streamsuite.clickstream.topology.RecommenderSettings;
import dev.streamsuite.clickstream.topology.RecommenderTopics;
import dev.streamsuite.clickstream.topology.RecommenderTopology;
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

    /** The service's own compacted topics, created like the catalog's (streamsuite.topics.create). */
    @Bean
    @ConditionalOnBooleanProperty(name = "streamsuite.topics.create", matchIfMissing = true)
    KafkaAdmin.NewTopics recommenderTopics(@Value("${streamsuite.topics.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                NewTopics.of(RecommenderTopics.SIMILAR_ITEMS, replicas),
                NewTopics.of(RecommenderTopics.TRENDING, replicas));
    }
}
