package dev.streamsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsuite.testsupport.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole suite as a user runs it: broker, registry and the three services as processes,
 * the simulator and the live view, looked at in a real headless browser.
 */
class LocalStackIT {

    private static final Path ROOT =
            Path.of(System.getProperty("streamsuite.root", "../..")).toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static StackOptions options;

    @BeforeAll
    static void startTheStack() throws IOException {
        var args = new ArrayList<String>(List.of(
                "--root=" + ROOT,
                "--work-dir=" + Path.of("target", "local-stack-it").toAbsolutePath(),
                "--simulator-rate=30",
                "--scenario-rate=0.3"));
        for (String port : List.of(
                "kafka-port",
                "controller-port",
                "registry-port",
                "view-port",
                "fraud-port",
                "iot-port",
                "click-port")) {
            args.add("--" + port + "=" + LoopbackPorts.free());
        }
        options = StackOptions.parse(args.toArray(String[]::new));
        stack = new LocalStack(options);
        stack.start();
    }

    @AfterAll
    static void stopTheStackLeavingNoProcessBehind() {
        if (stack == null) {
            return;
        }
        stack.close();
        // Every process let go of its port: nothing of the stack is left running.
        for (var port : options.ports().entrySet()) {
            try (var socket = new ServerSocket(port.getValue(), 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.isBound()).as(port.getKey()).isTrue();
            } catch (IOException e) {
                throw new AssertionError(port.getKey() + " is still in use after the stack stopped", e);
            }
        }
    }

    @Test
    void liveViewShowsDataFromTheRunningStackInARealBrowser() throws Exception {
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    JsonNode snapshot = snapshot();
                    assertThat(snapshot.get("fraudAlertCount").asInt()).isPositive();
                    assertThat(snapshot.get("devices")).isNotEmpty();
                    assertThat(snapshot.get("recommendation").path("items")).isNotEmpty();
                    assertThat(snapshot.get("services")).hasSize(3).allSatisfy(s -> assertThat(
                                    s.get("ready").asBoolean())
                            .isTrue());
                });
        String reason = snapshot().get("fraudAlerts").get(0).get("reason").asText();

        Path screenshot = Path.of("target", "live-view.png").toAbsolutePath();
        String dom = browse(List.of("--dump-dom"));
        browse(List.of("--screenshot=" + screenshot, "--window-size=1400,1000"));

        assertThat(dom)
                .contains("streamsuite live view")
                .contains("fraud alerts")
                .contains(escaped(reason));
        assertThat(dom).contains("READY").contains("polyline");
        assertThat(Files.size(screenshot)).isPositive();
    }

    @Test
    void pageUpdatesItselfThroughServerSentEvents() throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + options.viewPort() + "/events"))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        try (var lines = response.body()) {
            // After the snapshot, the services' health arrives every two seconds.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThat(lines.limit(200)
                            .filter(line -> line.equals("event: health"))
                            .findFirst())
                    .isPresent());
        }
    }

    private static JsonNode snapshot() throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + options.viewPort() + "/api/snapshot"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Runs Debian's chromium headless against the live view; .ci/run installs it. */
    private static String browse(List<String> action) throws Exception {
        var chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
                .filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The browser test needs chromium: apt-get install chromium "
                        + "(.ci/run installs it when missing)."));
        var profile = Files.createTempDirectory("chromium-profile");
        var command = new ArrayList<>(List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(action);
        command.add("http://127.0.0.1:" + options.viewPort() + "/");
        var output = Files.createTempFile("chromium", ".out");
        var process = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        return Files.readString(output);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
