package dev.streamsuite.streams.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults ({@code streamsuite-defaults.properties}) behind every other
 * property source, so a service's application.yml, the environment and Helm values override
 * them key by key; sets Avro's decoding limits before any record is decoded; and refuses to
 * start in Kubernetes with an interactive-query endpoint on localhost, or with a compression of
 * the internal topics that a topic does not take.
 */
public class StreamsSupportEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "classpath:streamsuite-defaults.properties";

    /**
     * Avro reads these JVM properties once, when it first decodes. Without them a record whose
     * length prefix claims gigabytes makes the decoder try to allocate them.
     */
    static final Map<String, String> AVRO_LIMITS = Map.of(
            "org.apache.avro.limits.string.maxLength", "streamsuite.avro.max-string-length",
            "org.apache.avro.limits.bytes.maxLength", "streamsuite.avro.max-bytes-length",
            "org.apache.avro.limits.collectionItems.maxLength", "streamsuite.avro.max-collection-items");

    static final String APPLICATION_SERVER = "spring.kafka.streams.properties.application.server";

    static final String TOPIC_COMPRESSION = "spring.kafka.streams.properties.topic.compression.type";

    /** What a topic's {@code compression.type} takes (Kafka's {@code TopicConfig}): not the producer's "none". */
    static final List<String> TOPIC_COMPRESSION_TYPES =
            List.of("producer", "uncompressed", "lz4", "zstd", "snappy", "gzip");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("streamsuite-defaults", DEFAULTS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, e);
        }
        requireReachableEndpointInKubernetes(environment);
        requireTopicCompression(environment);
        AVRO_LIMITS.forEach((jvmProperty, setting) -> {
            if (System.getProperty(jvmProperty) == null) {
                System.setProperty(jvmProperty, environment.getRequiredProperty(setting));
            }
        });
    }

    /**
     * Every instance answers interactive queries for the keys it owns and forwards the others to
     * the owner's advertised {@code application.server}. With several pods all advertising the
     * default {@code localhost:8080}, each would forward to itself and answer "not found" for keys
     * other pods own: silently wrong. So in a pod (where Kubernetes sets
     * {@code KUBERNETES_SERVICE_HOST}) the default is refused; the Helm chart sets
     * {@code STREAMSUITE_ADVERTISED_HOST} to {@code <pod>.<headless service>}. A host set
     * explicitly, even a loopback one (a single instance, a test), is the user's choice.
     */
    static void requireReachableEndpointInKubernetes(ConfigurableEnvironment environment) {
        if (environment.getProperty("KUBERNETES_SERVICE_HOST") == null || endpointSetExplicitly(environment)) {
            return;
        }
        throw new IllegalStateException("This instance runs in Kubernetes but advertises the default '"
                + environment.getProperty(APPLICATION_SERVER) + "' for interactive queries, which other pods"
                + " cannot reach: queries for keys this pod does not own would be answered wrongly. Set"
                + " STREAMSUITE_ADVERTISED_HOST to <pod name>.<headless service> (the Helm chart does), or set "
                + APPLICATION_SERVER + " to a host:port other pods can reach.");
    }

    /**
     * Kafka Streams passes {@code topic.*} settings on to the topics it creates, unchecked; the broker would refuse
     * a value such as the producer's {@code none} only when the first internal topic is created, failing the stream
     * threads after start-up.
     */
    static void requireTopicCompression(ConfigurableEnvironment environment) {
        String compression = environment.getProperty(TOPIC_COMPRESSION);
        if (compression != null && !TOPIC_COMPRESSION_TYPES.contains(compression)) {
            throw new IllegalStateException(
                    TOPIC_COMPRESSION + " (SPRING_KAFKA_STREAMS_PROPERTIES_TOPIC_COMPRESSION_TYPE) is '"
                            + compression + "', which a topic does not take. Use one of " + TOPIC_COMPRESSION_TYPES
                            + ": 'producer' keeps what the stream threads write (uncompressed), 'uncompressed' stores it so.");
        }
    }

    private static boolean endpointSetExplicitly(ConfigurableEnvironment environment) {
        return environment.getPropertySources().stream()
                .filter(source -> !source.getName().equals("streamsuite-defaults"))
                .anyMatch(source -> source.containsProperty("streamsuite.advertised-host")
                        || source.containsProperty(APPLICATION_SERVER));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
