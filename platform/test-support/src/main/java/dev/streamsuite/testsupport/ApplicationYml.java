package dev.streamsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Binds a service's own {@code application.yml}, as the service does at start-up, so that a
 * test compares what is really configured, not an empty map, with the code's defaults.
 */
public final class ApplicationYml {

    private ApplicationYml() {}

    public static <T> T bind(String prefix, Class<T> type) {
        var environment = new StandardEnvironment();
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
