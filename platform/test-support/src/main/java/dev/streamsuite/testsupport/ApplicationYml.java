package dev.streamsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

/**
 * Binds a service's own {@code application.yml}, as the service does at start-up, so that tests
 * and tools run with the settings the service really has. The yml is the one shipped beside the
 * bound type (in its module's classes folder or jar), whatever else is on the class path.
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
                    .load("application.yml", besides(type))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var sources = ConfigurationPropertySources.from(environment.getPropertySources());
        return new Binder(sources).bindOrCreate(prefix, type);
    }

    private static Resource besides(Class<?> type) throws IOException {
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
