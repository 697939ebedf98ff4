package dev.streamsuite.streams.autoconfigure;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform settings under {@code streamsuite.*}. Kafka and Kafka Streams themselves are set
 * with Spring Boot's {@code spring.kafka.*} keys, whose streamsuite defaults (exactly-once,
 * dead-letter handlers) live in {@code streamsuite-defaults.properties}.
 */
@ConfigurationProperties("streamsuite")
public record StreamsSupportProperties(
        @DefaultValue Registry registry,
        @DefaultValue Topics topics,
        @DefaultValue Streams streams,
        String deadLetterTopic) {

    public StreamsSupportProperties {
        if (deadLetterTopic == null || deadLetterTopic.isBlank()) {
            throw new IllegalArgumentException("streamsuite.dead-letter-topic is empty. It defaults to "
                    + "<spring.application.name>.dlq; set spring.application.name or the topic explicitly.");
        }
    }

    /**
     * @param url the registry's native v2 API (for Apicurio: {@code http://host:port/apis/registry/v2})
     * @param autoRegister whether the service registers the schemas of the topics it writes; turn
     *     off where schemas are registered by a pipeline and services may only look them up
     * @param properties further {@code apicurio.registry.*} serde settings (auth, TLS, retries)
     */
    public record Registry(
            String url, @DefaultValue("true") boolean autoRegister, @DefaultValue Map<String, String> properties) {

        public Registry {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("streamsuite.registry.url is not set. Point it at the schema "
                        + "registry's v2 API, e.g. http://localhost:8081/apis/registry/v2 "
                        + "(environment variable STREAMSUITE_REGISTRY_URL).");
            }
        }
    }

    /**
     * @param create create the catalog's topics and the dead-letter topic at start-up (local and
     *     development use; production clusters usually manage topics elsewhere)
     * @param replicationFactor replication factor of the topics created
     */
    public record Topics(@DefaultValue("true") boolean create, @DefaultValue("1") short replicationFactor) {

        public Topics {
            if (replicationFactor < 1) {
                throw new IllegalArgumentException(
                        "streamsuite.topics.replication-factor must be at least 1, was " + replicationFactor);
            }
        }
    }

    /**
     * @param onUncaughtError what a stream thread does after an error the dead-letter handlers do
     *     not cover (e.g. a bug in a punctuator): replace the thread, or shut the instance down so
     *     that liveness fails and the orchestrator restarts it
     * @param closeTimeout how long a shutdown waits for the threads to commit and stop
     * @param leaveGroupOnClose leave the consumer group on shutdown (faster rebalance on scale-in);
     *     off by default so a rolling restart does not move tasks twice
     * @param replaceThreadBackoffMax the longest wait before a failed stream thread is replaced
     *     ({@link ReplacementBackoff}): failures in a row wait 1 s, 2 s, 4 s … up to this
     */
    public record Streams(
            @DefaultValue("REPLACE_THREAD") StreamThreadExceptionResponse onUncaughtError,
            @DefaultValue("30s") Duration closeTimeout,
            @DefaultValue("false") boolean leaveGroupOnClose,
            @DefaultValue("30s") Duration replaceThreadBackoffMax) {}
}
