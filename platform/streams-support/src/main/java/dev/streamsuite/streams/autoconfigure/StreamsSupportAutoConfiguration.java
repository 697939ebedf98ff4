package dev.streamsuite.streams.autoconfigure;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.NewTopics;
import dev.streamsuite.streams.RegistryAvroSerdes;
import dev.streamsuite.streams.StreamsTopology;
import dev.streamsuite.streams.errors.DeadLetterMetrics;
import dev.streamsuite.streams.query.StoreQueries;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.client.RestClient;

/**
 * Runs the service's {@link StreamsTopology} beans in one KafkaStreams instance managed by
 * spring-kafka, with the platform's settings.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnBean(StreamsTopology.class)
@EnableKafkaStreams
@EnableConfigurationProperties(StreamsSupportProperties.class)
public class StreamsSupportAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsSupportAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    AvroSerdes avroSerdes(StreamsSupportProperties properties) {
        var registry = properties.registry();
        return new RegistryAvroSerdes(registry.url(), registry.autoRegister(), registry.properties());
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterMetrics deadLetterMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry registry = meterRegistry.getIfAvailable();
        return registry == null ? DeadLetterMetrics.from(Map.of()) : new MicrometerDeadLetterMetrics(registry);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer streamsSupportConfigurer(
            List<StreamsTopology> topologies, StreamsSupportProperties properties, DeadLetterMetrics metrics) {
        return factoryBean -> {
            factoryBean.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureBuilder(StreamsBuilder builder) {
                    topologies.forEach(topology -> topology.addTo(builder));
                }
            });
            factoryBean.setDeadLetterTopicName(properties.deadLetterTopic());
            var config = factoryBean.getStreamsConfiguration();
            config.put(DeadLetterMetrics.CONFIG_KEY, metrics);
            topologies.forEach(topology -> topology.settings(config));
            factoryBean.setStreamsConfiguration(config);
            var streams = properties.streams();
            var backoff = new ReplacementBackoff(streams.replaceThreadBackoffMax(), System::nanoTime);
            factoryBean.setStreamsUncaughtExceptionHandler(exception -> {
                var refusal = refusal(exception);
                if (refusal != null) {
                    log.error(
                            "Kafka refused this service's principal: {}. A new thread would be refused too, so the"
                                    + " streams stop and liveness fails. Grant the ACLs docs/security.md lists for"
                                    + " this service, or correct its credentials.",
                            refusal.getMessage(),
                            exception);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                }
                var response = responseFor(Thread.currentThread().getName(), streams.onUncaughtError());
                if (response != StreamThreadExceptionResponse.REPLACE_THREAD) {
                    log.error("Stream thread failed; responding with {}", response, exception);
                    return response;
                }
                Duration pause = backoff.onFailure();
                log.error("Stream thread failed; replacing it in {} s", pause.toMillis() / 1000.0, exception);
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return response;
            });
            factoryBean.setKafkaStreamsCustomizer(
                    new SourceTopicsCheck(Duration.ofSeconds(30), properties.deadLetterTopic()));
            factoryBean.setCloseTimeout((int) streams.closeTimeout().toSeconds());
            factoryBean.setLeaveGroupOnClose(streams.leaveGroupOnClose());
        };
    }

    /**
     * The authorization or authentication failure behind {@code exception}, if that is what
     * stopped the thread: it would stop every replacement too.
     */
    static KafkaException refusal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException || cause instanceof AuthenticationException) {
                return (KafkaException) cause;
            }
        }
        return null;
    }

    /**
     * The configured response, except for the global thread, which cannot be replaced: Kafka
     * Streams 4.2 answers REPLACE_THREAD for it by closing the client and then failing with a
     * ClassCastException. Shutting the client down says what happens; liveness then fails and the
     * orchestrator restarts the instance.
     */
    static StreamThreadExceptionResponse responseFor(String threadName, StreamThreadExceptionResponse configured) {
        if (configured == StreamThreadExceptionResponse.REPLACE_THREAD && threadName.endsWith("-GlobalStreamThread")) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        return configured;
    }

    @Bean
    @ConditionalOnMissingBean
    StoreQueries storeQueries(
            StreamsBuilderFactoryBean factoryBean,
            ObjectProvider<RestClient.Builder> restClient,
            @Value("${spring.kafka.streams.properties.application.server}") String applicationServer) {
        var requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requestFactory.setReadTimeout(Duration.ofSeconds(10));
        return new StoreQueries(
                factoryBean,
                restClient
                        .getIfAvailable(RestClient::builder)
                        .requestFactory(requestFactory)
                        .build(),
                HostInfo.buildFromEndpoint(applicationServer),
                2);
    }

    /**
     * Looked up when the streams are configured, not by a condition: this auto-configuration is
     * evaluated before the one that defines the MeterRegistry.
     */
    @Bean
    StreamsMetricsRefresh streamsMetricsRefresh(ObjectProvider<MeterRegistry> registry) {
        return new StreamsMetricsRefresh(registry);
    }

    @Bean
    HealthIndicator kafkaStreamsReadinessHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        return KafkaStreamsHealthIndicators.readiness(factoryBean);
    }

    @Bean
    HealthIndicator kafkaStreamsLivenessHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        return KafkaStreamsHealthIndicators.liveness(factoryBean);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "streamsuite.topics.create", matchIfMissing = true)
    KafkaAdmin.NewTopics streamsuiteTopics(StreamsSupportProperties properties) {
        short replicas = properties.topics().replicationFactor();
        return new KafkaAdmin.NewTopics(TopicCatalog.ALL.stream()
                .map(spec -> NewTopics.of(spec, replicas))
                .toArray(NewTopic[]::new));
    }

    /**
     * The service's dead-letter topic and its own topics ({@link StreamsTopology#ownTopics()})
     * belong to it, like its internal topics: created whatever {@code streamsuite.topics.create}
     * says (which is about the shared catalog), so that a renamed application still keeps its bad
     * records. Its principal needs CREATE on its application-id prefix, as for its internal topics.
     */
    @Bean
    KafkaAdmin.NewTopics streamsuiteOwnTopics(List<StreamsTopology> topologies, StreamsSupportProperties properties) {
        short replicas = properties.topics().replicationFactor();
        var deadLetter = TopicCatalog.deadLetter(properties.deadLetterTopic()).withName(properties.deadLetterTopic());
        var topics = new ArrayList<NewTopic>();
        topics.add(NewTopics.of(deadLetter, replicas));
        topologies.forEach(topology -> topology.ownTopics().forEach(spec -> topics.add(NewTopics.of(spec, replicas))));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
