package dev.streamsuite.clickstream.config;

import dev.streamsuite.clickstream.topology.RecommenderSettings;
import dev.streamsuite.clickstream.topology.RecommenderTopics;
import dev.streamsuite.clickstream.topology.RecommenderTopology;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
}
