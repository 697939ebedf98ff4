package dev.streamsuite.streams;

import dev.streamsuite.schemas.TopicCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalog's topics and the services' dead-letter topics, leaving existing ones as
 * they are. The services do this themselves at start-up unless {@code streamsuite.topics.create}
 * is off; this is the same step as a one-shot job (docker-compose's {@code topics} service runs
 * it from a service image: {@code java -cp @/app/jib-classpath-file dev.streamsuite.streams.CatalogTopics}).
 *
 * <p>Configured by environment variables, named as the services name them:
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, {@code STREAMSUITE_TOPICS_REPLICATION_FACTOR} (default 1),
 * and any {@code SPRING_KAFKA_PROPERTIES_*} client setting (e.g.
 * {@code SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL=SASL_SSL}).
 */
public final class CatalogTopics {

    /** The services whose dead-letter topics ({@code <service>.dlq}) are created. */
    public static final List<String> SERVICES = List.of("fraud-detector", "iot-aggregator", "clickstream-recommender");

    private static final String CLIENT_PROPERTY_PREFIX = "SPRING_KAFKA_PROPERTIES_";

    private CatalogTopics() {}

    /** The topics to create: the catalog's, then one dead-letter topic per service. */
    public static List<NewTopic> all(short replicationFactor) {
        return Stream.concat(TopicCatalog.ALL.stream(), SERVICES.stream().map(TopicCatalog::deadLetter))
                .map(spec -> NewTopics.of(spec, replicationFactor))
                .toList();
    }

    /**
     * Creates the topics one by one, so that one that exists already does not stop the others.
     *
     * @return the names of the topics this call created
     */
    public static List<String> create(Admin admin, List<NewTopic> topics) {
        var created = new ArrayList<String>();
        for (var topic : topics) {
            try {
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                created.add(topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + topic.name(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating " + topic.name(), e);
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "The broker did not create " + topic.name() + " within 30 s; is it reachable?", e);
            }
        }
        return created;
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        String bootstrap = environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            System.err.println("Set SPRING_KAFKA_BOOTSTRAP_SERVERS to the brokers, e.g. kafka:9092.");
            System.exit(2);
        }
        // Both forms Spring accepts for streamsuite.topics.replication-factor, as the services read it.
        short replicas = Short.parseShort(environment.getOrDefault(
                "STREAMSUITE_TOPICS_REPLICATIONFACTOR",
                environment.getOrDefault("STREAMSUITE_TOPICS_REPLICATION_FACTOR", "1")));
        try (var admin = Admin.create(adminProperties(bootstrap, environment))) {
            var topics = all(replicas);
            var created = create(admin, topics);
            System.out.printf(
                    "%d topics in the catalog: %d created, %d already there.%n",
                    topics.size(), created.size(), topics.size() - created.size());
        }
    }

    static Properties adminProperties(String bootstrap, Map<String, String> environment) {
        var properties = new Properties();
        environment.forEach((name, value) -> {
            if (name.startsWith(CLIENT_PROPERTY_PREFIX)) {
                String key = name.substring(CLIENT_PROPERTY_PREFIX.length())
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '.');
                properties.put(key, value);
            }
        });
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return properties;
    }
}
