package dev.streamsuite.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as Compose reads it: YAML anchors and merge keys resolved. */
record ComposeFile(Map<String, Object> content) {

    static final List<String> SERVICES = List.of("fraud-detector", "iot-aggregator", "clickstream-recommender");

    static ComposeFile read() {
        try (Reader reader = Files.newBufferedReader(RepositoryFiles.path("docker-compose.yml"))) {
            return new ComposeFile(new Yaml().load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) content.get("services");
    }

    Map<String, Object> service(String name) {
        var service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> environment(String service) {
        return (Map<String, Object>) service(service).getOrDefault("environment", Map.of());
    }

    /** An image reference with ${VAR:-default} resolved to its defaults. */
    String image(String service) {
        return String.valueOf(service(service).get("image")).replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
    }
}
