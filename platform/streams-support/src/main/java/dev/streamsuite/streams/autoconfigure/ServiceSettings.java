package dev.streamsuite.streams.autoconfigure;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Binds a service's settings record (plain Java, in its topology package) from the service's
 * application.yml and its environment overrides, by the record's constructor: the yml is the one
 * place the values live, and the record checks them.
 */
public final class ServiceSettings {

    private ServiceSettings() {}

    public static <T> T bind(Environment environment, String prefix, Class<T> type) {
        return Binder.get(environment)
                .bind(prefix, type)
                .orElseThrow(() -> new IllegalStateException("No " + prefix + ".* settings found for "
                        + type.getSimpleName() + ": the service's application.yml declares them"));
    }
}
