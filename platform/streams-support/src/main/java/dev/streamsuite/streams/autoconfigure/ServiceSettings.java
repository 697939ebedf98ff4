package dev.streamsuite.streams.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

/**
 * Binds a service's settings record (plain Java, in its topology package) by the record's
 * constructor: the service's application.yml is the one place the values live, and the record
 * checks them.
 */
public final class ServiceSettings {

    private ServiceSettings() {}

    /** At start-up: from the service's environment (application.yml and its overrides). */
    public static <T> T bind(Environment environment, String prefix, Class<T> type) {
        return Binder.get(environment)
                .bind(prefix, type)
                .orElseThrow(() -> new IllegalStateException("No " + prefix + ".* settings found for "
                        + type.getSimpleName() + ": the service's application.yml declares them"));
    }

    /**
     * From the application.yml shipped beside {@code type} (in its module's classes folder or jar),
     * whatever else is on the class path: for tests and tools that need the values a service
     * really runs with.
     */
    public static <T> T shipped(String prefix, Class<T> type) {
        return shipped(prefix, type, Map.of());
    }

    /** With {@code overrides} in front of the yml, as environment variables would be. */
    public static <T> T shipped(String prefix, Class<T> type, Map<String, Object> overrides) {
        return shippedBinder(type, overrides).bindOrCreate(prefix, type);
    }

    /** One property of the application.yml shipped beside {@code type}; empty where it sets none. */
    public static Optional<String> shippedProperty(String name, Class<?> type) {
        return Optional.ofNullable(
                shippedBinder(type, Map.of()).bind(name, String.class).orElse(null));
    }

    private static Binder shippedBinder(Class<?> type, Map<String, Object> overrides) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        try {
            new YamlPropertySourceLoader()
                    .load("application.yml", ymlBeside(type))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
    }

    private static Resource ymlBeside(Class<?> type) throws IOException {
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        Resource yml = location.getPath().endsWith(".jar")
                ? new UrlResource("jar:" + location + "!/application.yml")
                : new UrlResource(location).createRelative("application.yml");
        if (!yml.exists()) {
            throw new IllegalStateException("No application.yml beside " + type.getName() + " in " + location);
        }
        return yml;
    }
}
