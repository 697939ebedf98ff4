package dev.streamsuite.iot.config;

import dev.streamsuite.iot.topology.IotTopics;
import dev.streamsuite.iot.topology.IotTopology;
import dev.streamsuite.streams.AvroSerdes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IotProperties.class)
class IotConfiguration {

    @Bean
    IotTopology iotTopology(AvroSerdes serdes, IotProperties properties) {
        return new IotTopology(IotTopics.from(serdes), properties.toSettings());
    }
}
