package dev.streamsuite.clickstream.config;

import dev.streamsuite.clickstream.topology.ClickTopology;
import dev.streamsuite.clickstream.topology.RecommenderTopics;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.NewTopics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecommenderProperties.class)
class RecommenderConfiguration {

    @Bean
    ClickTopology clickTopology(AvroSerdes serdes, RecommenderProperties properties) {
        return new ClickTopology(RecommenderTopics.from(serdes), properties.toSettings());
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
