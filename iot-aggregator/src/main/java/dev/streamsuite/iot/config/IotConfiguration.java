package dev.streamsuite.iot.config;

import dev.streamsuite.iot.topology.IotSettings;
import dev.streamsuite.iot.topology.IotTopics;
import dev.streamsuite.iot.topology.IotTopology;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class IotConfiguration {

    /** {@code iot.*} of application.yml. */
    @Bean
    IotSettings iotSettings(Environment environment) {
        return ServiceSettings.bind(environment, "iot", IotSettings.class);
    }

    @Bean
    IotTopology iotTopology(AvroSerdes serdes, IotSettings settings) {
        return new IotTopology(IotTopics.from(serdes), settings);
    }
}
