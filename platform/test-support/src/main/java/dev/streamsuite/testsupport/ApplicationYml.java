package dev.streamsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Binds a service's own {@code application.yml}, as the service does at start-up, so that tests
 * run with the settings the service really has.
 */
public final class ApplicationYml {

    private ApplicationYml() {}

    public static <T> T bind(String prefix, Class<T> type) {
        return bind(prefix, type, Map.of());
    }

    /** With {@code overrides} in front of the yml, as environment variables would be. */
    public static <T> T bind(String prefix, Class<T> type, Map<String, Object> overrides) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        try {
            new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var sources = ConfigurationPropertySources.from(environment.getPropertySources());
        return new Binder(sources).bindOrCreate(prefix, type);
    }
}
