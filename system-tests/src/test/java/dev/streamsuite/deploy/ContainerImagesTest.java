package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsuite.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The container images as Jib builds them. Our build machines cannot pull a base image, so every
 * build also writes each image onto an empty base ({@code target/jib-configuration-check.tar},
 * see the parent pom): everything but the Java runtime, which is what this test reads. Whether
 * the image runs on its real base is tested where a Docker engine exists (ComposeStackIT).
 */
class ContainerImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "fraud-detector, dev.streamsuite.fraud.FraudDetectorApplication, 8080",
        "iot-aggregator, dev.streamsuite.iot.IotAggregatorApplication, 8080",
        "clickstream-recommender, dev.streamsuite.clickstream.ClickstreamRecommenderApplication, 8080",
        "tools/simulator, dev.streamsuite.simulator.cli.SimulatorMain, ",
    })
    void theImageRunsItsMainClassAsANonRootUserWithContainerAwareHeap(
            String module, String mainClass, Integer port, @TempDir Path directory) throws Exception {
        var image = Image.read(RepositoryFiles.path(module).resolve("target/jib-configuration-check.tar"));
        JsonNode config = image.config().path("config");

        assertThat(image.name()).isEqualTo("streamsuite/" + Path.of(module).getFileName() + ":0.1.0-SNAPSHOT");
        assertThat(config.path("User").asText()).as("numeric, non-root").isEqualTo("10001:10001");
        assertThat(texts(config.path("Entrypoint")))
                .containsExactly("java", "-cp", "@/app/jib-classpath-file", mainClass);
        assertThat(RepositoryFiles.path(module).resolve("target/classes/" + mainClass.replace('.', '/') + ".class"))
                .isRegularFile();
        String options = texts(config.path("Env")).stream()
                .filter(variable -> variable.startsWith("JAVA_TOOL_OPTIONS="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JAVA_TOOL_OPTIONS in " + config.path("Env")))
                .substring("JAVA_TOOL_OPTIONS=".length());
        assertThat(List.of(options.split(" ")))
                .as("the memory options the tests and the benchmark run the services with")
                .containsAll(ServiceProcess.POD_JVM_OPTIONS)
                .contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(config.path("Volumes").has("/tmp"))
                .as("a writable /tmp for RocksDB")
                .isTrue();
        if (port != null) {
            assertThat(config.path("ExposedPorts").has(port + "/tcp")).isTrue();
        }
        var files = image.files(directory, "app/jib-main-class-file", "app/jib-classpath-file");
        assertThat(files.get("app/jib-main-class-file").strip())
                .as("what the Helm chart's class-data-sharing init container starts")
                .isEqualTo(mainClass);
        assertThat(files.get("app/jib-classpath-file")).startsWith("/app/resources:/app/classes:/app/libs/");
        var layers = new ArrayList<String>();
        image.config()
                .path("history")
                .forEach(entry -> layers.add(entry.path("comment").asText()));
        assertThat(layers)
                .as("dependencies apart from the classes, so a code change rebuilds a small layer")
                .containsSubsequence("dependencies", "resources", "classes", "extra files");
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** An OCI image layout in a tarball: index → manifest → config. */
    record Image(String name, JsonNode config, Path tarball, List<String> layers) {

        static Image read(Path tarball) throws IOException, InterruptedException {
            assertThat(tarball)
                    .as("built by the module's package phase (./mvnw package)")
                    .isRegularFile();
            JsonNode index = JSON.readTree(entry(tarball, "index.json"));
            JsonNode descriptor = index.path("manifests").get(0);
            JsonNode manifest = JSON.readTree(entry(tarball, blob(descriptor)));
            JsonNode config = JSON.readTree(entry(tarball, blob(manifest.path("config"))));
            var layers = new ArrayList<String>();
            manifest.path("layers").forEach(layer -> layers.add(blob(layer)));
            return new Image(
                    descriptor
                            .path("annotations")
                            .path("org.opencontainers.image.ref.name")
                            .asText(),
                    config,
                    tarball,
                    layers);
        }

        /**
         * The text of each file at {@code paths} in the image, from the last layer that holds it,
         * unpacked into {@code directory}: every layer is read once, whatever the number of files.
         */
        Map<String, String> files(Path directory, String... paths) throws IOException, InterruptedException {
            for (String layer : layers) {
                // tar exits non-zero when a layer lacks one of the paths; the files it has are out.
                var command = new ArrayList<>(List.of(
                        "sh",
                        "-c",
                        "image=$1 layer=$2 into=$3; shift 3;"
                                + " tar -xOf \"$image\" \"$layer\" | tar -xzf - -C \"$into\" \"$@\" 2>/dev/null",
                        "sh",
                        tarball.toString(),
                        layer,
                        directory.toString()));
                command.addAll(List.of(paths));
                var process = new ProcessBuilder(command).start();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            var texts = new LinkedHashMap<String, String>();
            for (String path : paths) {
                Path file = directory.resolve(path);
                assertThat(file).as("%s in the image", path).isRegularFile();
                texts.put(path, Files.readString(file));
            }
            return texts;
        }

        private static String blob(JsonNode descriptor) {
            return "blobs/" + descriptor.path("digest").asText().replace(':', '/');
        }

        private static byte[] entry(Path tarball, String name) throws IOException, InterruptedException {
            var process = new ProcessBuilder("tar", "-xOf", tarball.toString(), name).start();
            byte[] content = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("tar -xOf %s %s", tarball, name).isZero();
            return content;
        }
    }
}
