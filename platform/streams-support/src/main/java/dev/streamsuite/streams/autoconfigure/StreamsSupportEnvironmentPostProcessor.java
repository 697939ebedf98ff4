package dev.streamsuite.streams.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults ({@code streamsuite-defaults.properties}) behind every other
 * property source, so a service's application.yml, the environment and Helm values override
 * them key by key; and sets Avro's decoding limits before any record is decoded.
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

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("streamsuite-defaults", DEFAULTS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, e);
        }
        AVRO_LIMITS.forEach((jvmProperty, setting) -> {
            if (System.getProperty(jvmProperty) == null) {
                System.setProperty(jvmProperty, environment.getRequiredProperty(setting));
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
