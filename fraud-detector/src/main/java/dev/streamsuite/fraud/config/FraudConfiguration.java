package dev.streamsuite.fraud.config;

import dev.streamsuite.fraud.topology.FraudSettings;
import dev.streamsuite.fraud.topology.FraudTopics;
import dev.streamsuite.fraud.topology.FraudTopology;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
}
