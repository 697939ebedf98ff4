package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chart rendered by Helm itself (helm-java runs Helm's Go code in-process) and read back as
 * Kubernetes objects of the fabric8 model. Reading is strict: a field Kubernetes does not know
 * (a typo, a wrong indentation) fails, where a plain YAML read would carry it silently.
 */
final class RenderedChart {

    static final String NAMESPACE = "streams";
    static final String KUBE_VERSION = "1.31.0";

    /** Custom resources of operators the chart can target; read as generic resources. */
    private static final Set<String> CUSTOM_KINDS =
            Set.of("ServiceMonitor", "PrometheusRule", "ScaledObject", "TriggerAuthentication", "KafkaUser");

    /** A {@code $(VAR)} reference in an environment variable's value. */
    static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Z_][A-Z0-9_]*)\\)");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private final List<HasMetadata> objects;

    private RenderedChart(List<HasMetadata> objects) {
        this.objects = objects;
    }

    /** Renders with values files and {@code --set} overrides, as {@code helm template} would. */
    static RenderedChart render(String release, List<Path> valuesFiles, Map<String, Object> overrides) {
        return render(RepositoryFiles.chart(), release, valuesFiles, overrides);
    }

    /**
     * Renders hooks too ({@code helm test} pods), which helm-java's template leaves out: from a
     * copy of the chart whose hook annotations are removed.
     */
    static RenderedChart renderWithHooks(Path directory, List<Path> valuesFiles) throws IOException {
        Path copy = copyChart(directory);
        try (var templates = Files.walk(copy.resolve("templates"))) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                var lines = Files.readAllLines(template).stream()
                        .filter(line -> !line.contains("helm.sh/hook"))
                        .toList();
                Files.write(template, lines);
            }
        }
        return render(copy, "streamsuite", valuesFiles, Map.of());
    }

    private static RenderedChart render(
            Path chart, String release, List<Path> valuesFiles, Map<String, Object> overrides) {
        var template = new Helm(chart)
                .template()
                .withName(release)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        valuesFiles.forEach(template::withValuesFile);
        overrides.forEach(template::set);
        return parse(template.call());
    }

    static RenderedChart parse(String manifests) {
        var objects = new ArrayList<HasMetadata>();
        try (var parser = YAML.createParser(manifests)) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (document != null && document.isObject() && document.has("kind")) {
                    objects.add(strictly((ObjectNode) document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Helm rendered manifests that are not YAML", e);
        }
        return new RenderedChart(objects);
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        var found = all(type);
        assertThat(found).as("rendered %s objects", type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    GenericKubernetesResource custom(String kind) {
        return objects.stream()
                .filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast)
                .filter(resource -> resource.getKind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " rendered"));
    }

    StatefulSet statefulSet() {
        return one(StatefulSet.class);
    }

    private static HasMetadata strictly(ObjectNode document) {
        String kind = document.path("kind").asText();
        if (CUSTOM_KINDS.contains(kind)) {
            return KUBERNETES.unmarshal(document.toString(), GenericKubernetesResource.class);
        }
        HasMetadata object = KUBERNETES.unmarshal(document.toString());
        assertThat(object)
                .as("%s is a Kubernetes kind the model knows", kind)
                .isNotInstanceOf(GenericKubernetesResource.class);
        var unknown = new ArrayList<String>();
        collectUnknownFields(object, kind + " " + object.getMetadata().getName(), unknown);
        assertThat(unknown).as("fields Kubernetes does not know").isEmpty();
        return object;
    }

    /** Walks the typed model; anything it could not map landed in "additionalProperties". */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", unknown);
            }
            return;
        }
        if (!(value instanceof KubernetesResource)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                collectUnknownFields(field, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(getter + " failed", e);
        }
    }

    /**
     * A copy of the chart whose values.yaml has {@code valuesFiles} merged in: helm lint takes
     * no values files, and the chart's defaults alone name no service.
     */
    static Path copyWithValues(Path directory, List<Path> valuesFiles) throws IOException {
        Path copy = copyChart(directory);
        var merged = (ObjectNode) YAML.readTree(copy.resolve("values.yaml").toFile());
        for (Path values : valuesFiles) {
            merge(merged, (ObjectNode) YAML.readTree(values.toFile()));
        }
        YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
        return copy;
    }

    private static Path copyChart(Path directory) throws IOException {
        Path copy = directory.resolve("streamsuite");
        try (var files = Files.walk(RepositoryFiles.chart())) {
            for (Path source : files.toList()) {
                Path target =
                        copy.resolve(RepositoryFiles.chart().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.properties().forEach(entry -> {
            JsonNode existing = into.get(entry.getKey());
            if (existing instanceof ObjectNode target && entry.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        });
    }

    static List<Path> serviceValues(String service) {
        try {
            return List.of(
                    RepositoryFiles.path("helm/values/" + service + ".yaml"),
                    Path.of(RenderedChart.class
                            .getResource("/helm/install-values.yaml")
                            .toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The variables' values as the kubelet computes them: field references, then $(VAR). */
    static Map<String, String> environmentOf(Container container, Map<String, String> podFields) {
        var values = new LinkedHashMap<String, String>();
        for (EnvVar env : container.getEnv()) {
            String value = env.getValue();
            if (env.getValueFrom() != null && env.getValueFrom().getFieldRef() != null) {
                value = podFields.get(env.getValueFrom().getFieldRef().getFieldPath());
            }
            if (value != null) {
                Matcher reference = REFERENCE.matcher(value);
                value = reference.replaceAll(match -> {
                    String referenced = values.get(match.group(1));
                    return Matcher.quoteReplacement(referenced == null ? match.group() : referenced);
                });
            }
            values.put(env.getName(), value);
        }
        return values;
    }
}
