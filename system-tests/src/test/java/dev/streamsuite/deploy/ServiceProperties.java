package dev.streamsuite.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The configuration properties a service really has: its application.yml, the platform's
 * defaults, and everything Spring Boot's configuration metadata declares (Boot, spring-kafka,
 * actuator and the platform's {@code streamsuite.*}). Tells whether an environment variable, as
 * docker-compose or the Helm chart sets it, binds to one of them under Spring Boot's relaxed
 * binding ({@code FRAUD_VELOCITY_MAXPAYMENTS} → {@code fraud.velocity.max-payments}).
 */
final class ServiceProperties {

    /** Environment variables read by the JVM itself rather than by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    /** Map-valued Spring properties whose keys are Kafka client or Streams settings. */
    private static final Set<String> KAFKA_MAPS = Set.of(
            "spring.kafka.properties",
            "spring.kafka.streams.properties",
            "spring.kafka.consumer.properties",
            "spring.kafka.producer.properties",
            "spring.kafka.admin.properties");

    private final String service;
    private final Set<String> variables = new HashSet<>();
    private final Set<String> maps = new HashSet<>();
    private final Set<String> kafkaSettings = new HashSet<>();

    private ServiceProperties(String service) {
        this.service = service;
    }

    static ServiceProperties of(String service) {
        var properties = new ServiceProperties(service);
        properties.addYml(service + "/src/main/resources/application.yml");
        properties.addPlatformDefaults();
        properties.addConfigurationMetadata();
        Stream.of(
                        StreamsConfig.configDef().names(),
                        ConsumerConfig.configNames(),
                        ProducerConfig.configNames(),
                        AdminClientConfig.configNames())
                .forEach(properties.kafkaSettings::addAll);
        return properties;
    }

    /**
     * @return why {@code variable} binds to nothing, or empty when it binds to a property
     */
    Optional<String> problemWith(String variable) {
        if (JVM_VARIABLES.contains(variable) || variables.contains(variable)) {
            return Optional.empty();
        }
        if (!variable.matches("[A-Z][A-Z0-9_]*")) {
            return Optional.of(variable + " is not an upper-case environment variable name Spring can bind");
        }
        for (String map : maps) {
            for (String prefix : environmentForms(map)) {
                if (variable.startsWith(prefix + "_")) {
                    String key = variable.substring(prefix.length() + 1)
                            .toLowerCase(Locale.ROOT)
                            .replace('_', '.');
                    if (!KAFKA_MAPS.contains(map) || kafkaSettings.contains(key)) {
                        return Optional.empty();
                    }
                    return Optional.of(variable + " sets " + map + "." + key + ", but " + key
                            + " is no Kafka client or Kafka Streams setting");
                }
            }
        }
        return Optional.of(variable + " binds to no property of " + service
                + ": not in its application.yml, the platform's defaults or Spring Boot's metadata");
    }

    /**
     * The variable names Spring Boot binds to {@code property}: dots become underscores and dashes
     * go ({@code FRAUD_VELOCITY_MAXPAYMENTS}), or, in the legacy form it also accepts, dashes
     * become underscores too ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS}).
     */
    static Set<String> environmentForms(String property) {
        String name = property.replaceAll("\\[[^]]*]", "").toUpperCase(Locale.ROOT);
        return Stream.of(
                        name.replace("-", "").replace('.', '_'),
                        name.replace('-', '_').replace('.', '_'))
                .collect(Collectors.toSet());
    }

    private void add(String property) {
        variables.addAll(environmentForms(property));
    }

    private void addYml(String relative) {
        try {
            for (var source : new YamlPropertySourceLoader()
                    .load(relative, new FileSystemResource(RepositoryFiles.path(relative)))) {
                for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                    add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addPlatformDefaults() {
        var defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/streamsuite-defaults.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        defaults.stringPropertyNames().forEach(this::add);
    }

    private void addConfigurationMetadata() {
        var json = new ObjectMapper();
        try {
            var resources = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
            while (resources.hasMoreElements()) {
                URL resource = resources.nextElement();
                JsonNode metadata = json.readTree(resource);
                for (JsonNode property : metadata.path("properties")) {
                    String name = property.path("name").asText();
                    add(name);
                    if (property.path("type").asText().startsWith("java.util.Map")) {
                        maps.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
