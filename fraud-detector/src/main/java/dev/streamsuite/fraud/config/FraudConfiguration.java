package dev.streamsuite.fraud.config;

import dev.streamsuite.fraud.topology.FraudTopics;
import dev.streamsuite.fraud.topology.FraudTopology;
import dev.streamsuite.streams.AvroSerdes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FraudProperties.class)
class FraudConfiguration {

    @Bean
    FraudTopology fraudTopology(AvroSerdes serdes, FraudProperties properties) {
        return new FraudTopology(FraudTopics.from(serdes), properties.toSettings());
    }
}
